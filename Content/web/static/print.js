// Học tập số: the "In giấy chứng nhận" button of the certificate page. Only an improvement: without script the
// page stays whole and says how to print it from the browser's menu.
(function () {
  "use strict";
  var button = document.getElementById("in-giay-chung-nhan");
  var hint = document.getElementById("huong-dan-in");
  if (!button || typeof window.print !== "function") { return; }
  button.hidden = false;
  if (hint) { hint.hidden = true; }
  button.addEventListener("click", function () { window.print(); });
})();
