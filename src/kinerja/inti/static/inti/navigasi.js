// A <select data-navigasi> whose option values are URLs goes to the chosen URL (no inline JS: CSP).
document.addEventListener("change", function (e) {
  if (e.target.matches("select[data-navigasi]")) { window.location.assign(e.target.value); }
});
