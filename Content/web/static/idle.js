// Học tập số: the idle countdown of a signed-in kiosk page. Only an improvement: the server ends an idle
// session by itself whether or not this runs. In the last minute a notice counts down; at zero the page goes
// to the start page, so the next person does not see the last person's page.
(function () {
  "use strict";
  var body = document.body;
  var seconds = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
  var warning = document.getElementById("idle-warning");
  if (!seconds || !warning) { return; }
  var deadline = Date.now() + seconds * 1000;
  function reset() { deadline = Date.now() + seconds * 1000; }
  ["click", "keydown", "touchstart", "input", "scroll"].forEach(function (name) {
    window.addEventListener(name, reset, { passive: true });
  });
  window.setInterval(function () {
    var left = Math.round((deadline - Date.now()) / 1000);
    if (left <= 0) { window.location.assign("/"); return; }
    if (left <= 60) {
      warning.hidden = false;
      warning.textContent = "Bạn còn ở đây không? Phiên học sẽ tự kết thúc sau " + left +
        " giây. Chạm vào màn hình để học tiếp.";
    } else {
      warning.hidden = true;
    }
  }, 1000);
})();
