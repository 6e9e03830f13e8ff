// The pohon kinerja as an ECharts tree (no inline script: CSP).
// Data come from the json_script #data-pohon. Each element is a box coloured by the predikat of
// its own indicators' capaian; the colours are read from the predikat-* badges of the legend so
// kinerja.css stays the only place that defines them. Clicking a box opens or closes its
// branch; the canvas widens with the number of visible leaves (the page scrolls sideways) and
// is fitted to the paper when printing. Buttons: expand all, collapse, print.
// With the SKP layer on (?skp=1), nodes of `jenis: "skp"` are employees' results: drawn as
// violet rectangles with an "SKP" tag (colour from the .lencana-skp legend badge), never
// collapsed, and a click opens the SKP.
(function () {
  "use strict";
  // The SKP switch and year submit their form at once (the button stays for no-JS use).
  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-kirim-form]") && e.target.form) { e.target.form.submit(); }
  });
  var wadah = document.getElementById("pohon-kinerja");
  var sumber = document.getElementById("data-pohon");
  if (!wadah || !sumber || typeof echarts === "undefined") { return; }
  var akar = JSON.parse(sumber.textContent);
  var label = wadah.dataset;
  var LEBAR = 170, TINGGI = 84, JARAK_LEVEL = 130;

  var warna = {};
  document.querySelectorAll("#legenda-predikat [data-predikat]").forEach(function (el) {
    var gaya = window.getComputedStyle(el);
    warna[el.dataset.predikat] = { isi: gaya.backgroundColor, teks: gaya.color };
  });

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  // Break a name into at most `n` lines of about `lebar` characters (ECharts rich text does
  // not wrap inside a box by itself).
  function baris(teks, lebar, n) {
    var kata = String(teks).split(/\s+/), hasil = [], kini = "";
    for (var i = 0; i < kata.length; i++) {
      if ((kini + " " + kata[i]).trim().length > lebar && kini) { hasil.push(kini); kini = kata[i]; }
      else { kini = (kini + " " + kata[i]).trim(); }
      if (hasil.length === n) { break; }
    }
    if (hasil.length < n && kini) { hasil.push(kini); }
    if (hasil.length === n && hasil.join(" ").length < String(teks).length) {
      hasil[n - 1] = hasil[n - 1].replace(/.{0,2}$/, "…");
    }
    return hasil;
  }

  var nomor = 0;
  function siapkan(node, kedalaman) {
    node.id = "n" + (nomor++);
    node.kedalaman = kedalaman;
    node.collapsed = node.jenis !== "skp" && kedalaman >= 2 && (node.children || []).length > 0;
    (node.children || []).forEach(function (a) { siapkan(a, kedalaman + 1); });
  }
  siapkan(akar, 0);

  // Width units of ECharts' tree layout: 1 between sibling leaves, 2 between cousins, and
  // about one unit of margin on each side.
  function daunTerlihat(node) {
    var daun = [];
    (function kumpul(n, induk) {
      if (n.collapsed || !(n.children || []).length) { daun.push(induk); return; }
      n.children.forEach(function (a) { kumpul(a, n); });
    }(node, null));
    var unit = 2;
    for (var i = 1; i < daun.length; i++) { unit += daun[i] === daun[i - 1] ? 1 : 2; }
    return unit;
  }
  function kedalamanTerlihat(node) {
    if (node.collapsed || !(node.children || []).length) { return 1; }
    return 1 + Math.max.apply(null, node.children.map(kedalamanTerlihat));
  }

  function bentukSkp(node, skala) {
    var w = warna.skp || { isi: "#e9e3f5", teks: "#4b2a82" };
    var lebarHuruf = Math.max(14, Math.round(26 * skala));
    var isiLabel = ["{lv|SKP · " + esc(baris(node.pemilik, lebarHuruf, 1)[0] || "") + "}"]
      .concat(baris(node.name, lebarHuruf, 3).map(function (b) { return "{nm|" + esc(b) + "}"; }));
    var hasil = {
      name: node.name,
      id: node.id,
      data: node,
      collapsed: false,
      symbol: "rect",
      symbolSize: [Math.round(LEBAR * skala), Math.round(TINGGI * 0.8 * Math.max(skala, 0.75))],
      itemStyle: { color: w.isi, borderColor: "#7952b3", borderWidth: 1.5, borderType: "dashed" },
      cursor: node.url ? "pointer" : "default",
      label: {
        position: "inside",
        align: "center",
        formatter: isiLabel.join("\n"),
        rich: {
          lv: {
            fontSize: Math.max(7, 9 * skala), color: w.teks, fontWeight: "bold", align: "center",
            lineHeight: Math.max(9, 14 * skala)
          },
          nm: {
            fontSize: Math.max(7, 10 * skala), color: w.teks, align: "center",
            lineHeight: Math.max(9, 13 * skala)
          }
        }
      }
    };
    if ((node.children || []).length) {
      hasil.children = node.children.map(function (a) { return bentuk(a, skala); });
    }
    return hasil;
  }

  function bentuk(node, skala) {
    if (node.jenis === "skp") { return bentukSkp(node, skala); }
    var w = warna[node.predikat];
    var kosong = !node.indikator || !node.indikator.length;
    var isi = node.kedalaman === 0 ? "#0b4f6c" : (w ? w.isi : (kosong ? "#ffffff" : "#f1f3f5"));
    var teks = node.kedalaman === 0 ? "#ffffff" : (w ? w.teks : "#212529");
    var lebarHuruf = Math.max(14, Math.round(26 * skala));
    var judul = node.level + (node.pemilik ? " · " + node.pemilik : "");
    var isiLabel = ["{lv|" + esc(baris(judul, lebarHuruf + 6, 1)[0] || "") + "}"]
      .concat(baris(node.name, lebarHuruf, 3).map(function (b) { return "{nm|" + esc(b) + "}"; }));
    if (!kosong) {
      isiLabel.push("{ik|" + node.indikator.length + " " + esc(label.labelIndikator).toLowerCase() +
        (node.capaian ? " · " + esc(node.capaian) + "%" : "") + "}");
    }
    var hasil = {
      name: node.name,
      id: node.id,
      data: node,
      collapsed: node.collapsed,
      symbol: "roundRect",
      symbolSize: [Math.round(LEBAR * skala), Math.round(TINGGI * Math.max(skala, 0.75))],
      itemStyle: { color: isi, borderColor: w ? w.isi : "#6c757d", borderWidth: 1 },
      label: {
        position: "inside",
        align: "center",
        formatter: isiLabel.join("\n"),
        rich: {
          lv: {
            fontSize: Math.max(7, 9 * skala), color: teks, opacity: 0.8, align: "center",
            lineHeight: Math.max(9, 14 * skala)
          },
          nm: {
            fontSize: Math.max(7, 10.5 * skala), color: teks, align: "center",
            lineHeight: Math.max(9, 13 * skala)
          },
          ik: {
            fontSize: Math.max(7, 9 * skala), color: teks, fontWeight: "bold", align: "center",
            lineHeight: Math.max(9, 16 * skala)
          }
        }
      }
    };
    if ((node.children || []).length) {
      hasil.children = node.children.map(function (a) { return bentuk(a, skala); });
    }
    return hasil;
  }

  function tooltip(p) {
    var d = p.data && p.data.data;
    if (!d) { return ""; }
    if (d.jenis === "skp") {
      var teks = "<div style='max-width:28rem;white-space:normal'><div class='small text-muted'>SKP · " +
        esc(d.pemilik) + (d.jabatan ? ", " + esc(d.jabatan) : "") + "</div><strong>" +
        esc(d.name) + "</strong>";
      if (d.keterangan) { teks += "<div class='small'>" + esc(d.keterangan) + "</div>"; }
      if (d.mendukung) {
        teks += "<div class='small'>" + esc(label.labelMendukung) + ": " + esc(d.mendukung) + "</div>";
      }
      return teks + "<div class='small text-muted'>" + esc(label.labelBukaSkp) + "</div></div>";
    }
    var html = "<div style='max-width:28rem;white-space:normal'><div class='small text-muted'>" +
      esc(d.level) + "</div><strong>" + esc(d.name) + "</strong>";
    if (d.unit) { html += "<div class='small'>" + esc(label.labelUnit) + ": " + esc(d.unit) + "</div>"; }
    if (d.pemilik) {
      html += "<div class='small'>" + esc(label.labelPemilik) + ": " + esc(d.pemilik) +
        (d.rup ? " · RUP " + esc(d.rup) : "") + "</div>";
    }
    if (d.predikat_label) {
      html += "<div class='small'>" + esc(label.labelCapaian) + " " + esc(d.capaian) + "% · " +
        esc(d.predikat_label) + "</div>";
    }
    (d.indikator || []).forEach(function (i) {
      html += "<div class='small mt-1'>• " + esc(i.nama) +
        (i.target ? " — " + esc(label.labelTarget) + " " + esc(i.target) : "") +
        (i.capaian ? ", " + esc(label.labelCapaian) + " " + esc(i.capaian) + "%" : "") + "</div>";
    });
    return html + "</div>";
  }

  var grafik = echarts.init(wadah, null, { renderer: "svg" });
  var lebarTetap = null; // a fixed paper width while printing

  function gambar() {
    var daun = daunTerlihat(akar);
    var tersedia = lebarTetap || wadah.parentElement.clientWidth;
    var skala = lebarTetap ? Math.min(1, (tersedia - 40) / (daun * (LEBAR + 14))) : 1;
    var lebar = lebarTetap ? tersedia : Math.max(tersedia, daun * (LEBAR + 14) + 40);
    // On paper the levels sit closer so a five-level tree fits one landscape page.
    var jarak = lebarTetap ? JARAK_LEVEL * 0.68 : JARAK_LEVEL;
    var tinggi = kedalamanTerlihat(akar) * jarak + 40;
    wadah.style.width = lebar + "px";
    wadah.style.height = Math.max(tinggi, 320) + "px";
    if (lebarTetap) { grafik.clear(); } // no half-finished animation on paper
    grafik.resize();
    grafik.setOption({
      tooltip: { trigger: "item", triggerOn: "mousemove", confine: true, formatter: tooltip },
      series: [{
        type: "tree",
        data: [bentuk(akar, skala)],
        orient: "TB",
        top: 50, bottom: 50, left: 90 * skala + 10, right: 90 * skala + 10,
        edgeShape: "polyline",
        initialTreeDepth: -1,
        expandAndCollapse: false,
        roam: false,
        lineStyle: { color: "#adb5bd", width: 1.2 },
        // Printing renders at once: the page is laid out right after `beforeprint`.
        animation: !lebarTetap,
        animationDuration: 250,
        animationDurationUpdate: 250
      }]
    }, true);
  }

  function cari(node, id) {
    if (node.id === id) { return node; }
    for (var i = 0; i < (node.children || []).length; i++) {
      var k = cari(node.children[i], id);
      if (k) { return k; }
    }
    return null;
  }
  grafik.on("click", function (p) {
    var node = p.data && cari(akar, p.data.id);
    if (node && node.jenis === "skp") {
      if (node.url) { window.location.assign(node.url); }
      return;
    }
    if (node && (node.children || []).length) { node.collapsed = !node.collapsed; gambar(); }
  });

  function atur(node, tutup) {
    node.collapsed = tutup && node.jenis !== "skp" && node.kedalaman >= 2 &&
      (node.children || []).length > 0;
    (node.children || []).forEach(function (a) { atur(a, tutup); });
  }
  document.addEventListener("click", function (e) {
    var tombol = e.target.closest("[data-pohon]");
    if (!tombol) { return; }
    var aksi = tombol.dataset.pohon;
    if (aksi === "cetak") { window.print(); return; }
    atur(akar, aksi === "tutup");
    gambar();
  });
  // Printing: everything open, fitted to a landscape page; back to the screen layout after.
  var sebelumCetak = null;
  window.addEventListener("beforeprint", function () {
    sebelumCetak = JSON.stringify(akar, ["id", "collapsed", "children"]);
    atur(akar, false);
    lebarTetap = 1000;
    gambar();
  });
  window.addEventListener("afterprint", function () {
    lebarTetap = null;
    if (sebelumCetak) {
      var simpan = JSON.parse(sebelumCetak);
      (function pulihkan(a, b) {
        a.collapsed = b.collapsed;
        (a.children || []).forEach(function (x, i) { pulihkan(x, b.children[i]); });
      }(akar, simpan));
    }
    gambar();
  });
  window.addEventListener("resize", gambar);
  gambar();
}());
