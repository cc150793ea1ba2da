// Học tập số: the idle countdown of a signed-in kiosk page. The server ends an idle session by itself whether
// or not this runs; the script keeps the screen in step with it. In the last minute a notice counts down; a
// touch tells the server the learner is still here (a touch the server never hears of would let the session
// end under the learner's hand); at zero the page ends the session ("Kết thúc") and shows the start page, so
// the next person does not see the last person's page.
(function () {
  "use strict";
  var body = document.body;
  var seconds = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
  var warning = document.getElementById("idle-warning");
  if (!seconds || !warning) { return; }
  var csrf = document.querySelector('form[action="/ket-thuc"] input[name="csrf"]');
  // The server's idle time counts from the last request it saw: this page's, then each "still here".
  var lastContact = Date.now();
  var deadline = lastContact + seconds * 1000;
  // Touches are reported at most this often, and at once while the notice shows.
  var reportEvery = Math.min(30, seconds / 3) * 1000;
  var ended = false;

  function end() {
    if (ended) { return; }
    ended = true;
    // Ending the session, not just leaving the page: the start page must not open under a session that is
    // still (for a moment) alive, and with it the last person's name.
    if (csrf && csrf.form) { csrf.form.submit(); } else { window.location.assign("/"); }
  }

  function stillHere() {
    var now = Date.now();
    var since = now - lastContact;
    if (ended || !csrf || since < 1000 || (since < reportEvery && warning.hidden)) { return; }
    lastContact = now;
    deadline = now + seconds * 1000;
    var form = new URLSearchParams();
    form.set("csrf", csrf.value);
    fetch("/con-o-day", { method: "POST", body: form, credentials: "same-origin", redirect: "manual" })
      .then(function (response) { if (response.status !== 204) { end(); } }, function () { /* offline: the countdown goes on */ });
  }

  ["click", "keydown", "touchstart", "input", "scroll"].forEach(function (name) {
    window.addEventListener(name, stillHere, { passive: true });
  });
  window.setInterval(function () {
    var left = Math.round((deadline - Date.now()) / 1000);
    if (left <= 0) { end(); return; }
    if (left <= 60) {
      warning.hidden = false;
      warning.textContent = "Bạn còn ở đây không? Phiên học sẽ tự kết thúc sau " + left +
        " giây. Chạm vào màn hình để học tiếp.";
    } else {
      warning.hidden = true;
    }
  }, 1000);
})();
