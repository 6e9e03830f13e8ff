// Entry grid behaviour (no inline script: CSP).
// - Enter in a row's field saves that row; after a successful save focus moves to the next
//   row's value field, after a refusal to the field in error. Shift+Enter keeps a new line.
// - htmx may swap the re-rendered row on 403 / 409 / 422 (the row carries the message).
// - Drag-and-drop onto [data-zona-unggah] uploads at once; picking files does too.
// - [data-pilih-semua] ticks every row checkbox of the submit form.
(function () {
  "use strict";
  var lanjut = null; // {id: row id} when the pending save came from Enter
  var fokus = null; // {id: row id, nama: field id} focused before a swap

  function barisBerikut(tr) {
    var semua = Array.prototype.slice.call(
      tr.closest("table").querySelectorAll("tr[data-baris]")
    );
    for (var i = semua.indexOf(tr) + 1; i < semua.length; i++) {
      var m = semua[i].querySelector("[data-masuk]");
      if (m) { return m; }
    }
    return null;
  }

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) {
      return;
    }
    var el = e.target;
    if (!el || !el.form || !el.closest) { return; }
    if (el.type === "submit" || el.type === "button" || el.type === "checkbox" || el.type === "file") {
      return;
    }
    var tr = el.closest("tr[data-baris]");
    if (!tr) { return; }
    e.preventDefault();
    lanjut = { id: tr.id };
    el.form.requestSubmit();
  });

  document.addEventListener("htmx:beforeSwap", function (e) {
    var s = e.detail.xhr.status;
    if (s === 403 || s === 409 || s === 422) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
    var aktif = document.activeElement;
    var tr = aktif && aktif.closest ? aktif.closest("tr[data-baris]") : null;
    fokus = tr && aktif.id ? { id: tr.id, nama: aktif.id } : null;
  });

  document.addEventListener("htmx:afterSettle", function (e) {
    var tr = e.target;
    if (!tr || !tr.matches || !tr.matches("tr[data-baris]") || !tr.isConnected) { return; }
    var id = tr.id;
    var salah = tr.querySelector(".is-invalid");
    if (salah) {
      salah.focus();
    } else if (lanjut && lanjut.id === id) {
      var berikut = barisBerikut(tr);
      if (berikut) { berikut.focus(); if (berikut.select) { berikut.select(); } }
      else { var b = tr.querySelector("[data-masuk]"); if (b) { b.focus(); } }
    } else if (fokus && fokus.id === id) {
      var sama = document.getElementById(fokus.nama);
      if (sama) { sama.focus(); }
    }
    lanjut = null;
    fokus = null;
  });

  function zona(e) { return e.target && e.target.closest ? e.target.closest("[data-zona-unggah]") : null; }
  document.addEventListener("dragover", function (e) {
    var z = zona(e);
    if (z) { e.preventDefault(); z.classList.add("aktif"); }
  });
  document.addEventListener("dragleave", function (e) {
    var z = zona(e);
    if (z) { z.classList.remove("aktif"); }
  });
  document.addEventListener("drop", function (e) {
    var z = zona(e);
    if (!z) { return; }
    e.preventDefault();
    z.classList.remove("aktif");
    var input = z.querySelector("input[type=file]");
    if (input && e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      input.form.requestSubmit();
    }
  });
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches && t.matches("[data-zona-unggah] input[type=file]") && t.files.length) {
      t.form.requestSubmit();
    }
    if (t.matches && t.matches("[data-pilih-semua]")) {
      document.querySelectorAll("input[name=indikator][form=form-ajukan]").forEach(function (c) {
        c.checked = t.checked;
      });
    }
  });
})();
