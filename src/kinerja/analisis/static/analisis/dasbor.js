// Dashboard charts (ECharts, SVG renderer; no inline script: CSP). Data come from the
// json_script #data-dasbor (the same numbers as the table under each chart) or, on the
// indicator page, #data-indikator. A click on a bar or point follows its drill-down link.
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  var angka = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
  function fmt(v) { return v == null ? "–" : angka.format(v); }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  var grafik = [];
  function buat(el, opsi, klik) {
    var g = echarts.init(el, null, { renderer: "svg" });
    opsi.animation = false;
    g.setOption(opsi);
    if (klik) { g.on("click", function (p) { var u = klik(p); if (u) { window.location.assign(u); } }); }
    grafik.push(g);
  }
  window.addEventListener("resize", function () { grafik.forEach(function (g) { g.resize(); }); });

  var sumber = document.getElementById("data-dasbor");
  if (sumber) {
    var data = JSON.parse(sumber.textContent);
    var L = data.label;
    document.querySelectorAll("[data-grafik]").forEach(function (el) {
      var jenis = el.dataset.grafik;
      if (jenis === "kelompok") {
        var k = data.kelompok.slice().reverse();
        buat(el, {
          grid: { left: 8, right: 48, top: 22, bottom: 24, containLabel: true },
          tooltip: { trigger: "item", formatter: function (p) { var x = k[p.dataIndex]; return esc(x.judul) + "<br>" + esc(L.capaian) + ": " + fmt(x.nilai) + " (" + esc(x.predikat) + ")"; } },
          xAxis: { type: "value", name: "%", axisLabel: { formatter: fmt } },
          yAxis: { type: "category", data: k.map(function (x) { return x.nama.length > 34 ? x.nama.slice(0, 33) + "…" : x.nama; }) },
          series: [{ type: "bar", data: k.map(function (x) { return { value: x.nilai, itemStyle: { color: x.warna } }; }),
            label: { show: true, position: "right", formatter: function (p) { return fmt(p.value); } },
            markLine: { silent: true, symbol: "none", data: [{ xAxis: 100 }], lineStyle: { type: "dashed", color: "#555" }, label: { formatter: "100" } } }]
        }, function (p) { return k[p.dataIndex].url; });
      } else if (jenis === "distribusi") {
        buat(el, {
          grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
          tooltip: { trigger: "item" },
          xAxis: { type: "category", data: data.distribusi.map(function (x) { return x.nama; }), axisLabel: { interval: 0, width: 70, overflow: "break", fontSize: 10, lineHeight: 12 } },
          yAxis: { type: "value", minInterval: 1 },
          series: [{ type: "bar", data: data.distribusi.map(function (x) { return { value: x.nilai, itemStyle: { color: x.warna } }; }),
            label: { show: true, position: "top", formatter: function (p) { return fmt(p.value); } } }]
        });
      } else if (jenis === "efisiensi") {
        var e = data.efisiensi;
        var maks = Math.max.apply(null, [110].concat(e.map(function (x) { return Math.max(x.serapan, x.capaian); }))) + 10;
        buat(el, {
          grid: { left: 8, right: 24, top: 24, bottom: 24, containLabel: true },
          tooltip: { trigger: "item", formatter: function (p) { var x = e[p.dataIndex]; if (!x) { return ""; } return esc(x.judul) + "<br>" + esc(L.serapan) + ": " + fmt(x.serapan) + "<br>" + esc(L.capaian) + ": " + fmt(x.capaian) + "<br>" + esc(x.kategori); } },
          xAxis: { type: "value", name: L.serapan, nameLocation: "middle", nameGap: 24, min: 0, max: Math.ceil(maks / 10) * 10 },
          yAxis: { type: "value", name: L.capaian, min: 0, max: Math.ceil(maks / 10) * 10 },
          series: [{ type: "scatter", symbolSize: 12, data: e.map(function (x) { return { value: [x.serapan, x.capaian], itemStyle: { color: x.warna, borderColor: "#333" } }; }),
            label: { show: e.length <= 12, position: "right", formatter: function (p) { var n = e[p.dataIndex].nama; return n.length > 18 ? n.slice(0, 17) + "…" : n; } },
            markLine: { silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#555" }, label: { show: false },
              data: [[{ coord: [0, 0] }, { coord: [Math.ceil(maks / 10) * 10, Math.ceil(maks / 10) * 10] }]] } }]
        }, function (p) { return e[p.dataIndex] && e[p.dataIndex].url; });
      } else if (jenis === "pengisian") {
        var u = data.pengisian.slice().reverse();
        var warna = { divalidasi: "#1a7f37", diajukan: "#4c8dcb", draf: "#adb5bd", dikembalikan: "#e8590c", belum: "#f1f3f5" };
        buat(el, {
          grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
          legend: { top: 0 },
          tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          xAxis: { type: "value", minInterval: 1 },
          yAxis: { type: "category", data: u.map(function (x) { return x.nama.length > 30 ? x.nama.slice(0, 29) + "…" : x.nama; }) },
          series: ["divalidasi", "diajukan", "draf", "dikembalikan", "belum"].map(function (s) {
            return { name: L[s], type: "bar", stack: "n", itemStyle: { color: warna[s], borderColor: s === "belum" ? "#adb5bd" : undefined }, data: u.map(function (x) { return x[s]; }) };
          })
        });
      }
    });
  }

  var sumberInd = document.getElementById("data-indikator");
  var elInd = document.getElementById("grafik-indikator");
  if (sumberInd && elInd) {
    var d = JSON.parse(sumberInd.textContent);
    var ada = d.titik.some(function (t) { return t.realisasi != null; });
    var seri = [{ name: d.label.capaian, type: "line", yAxisIndex: ada ? 1 : 0, data: d.titik.map(function (t) { return t.capaian; }), itemStyle: { color: "#0b4f6c" } }];
    if (ada) { seri.unshift({ name: d.label.realisasi, type: "bar", data: d.titik.map(function (t) { return t.realisasi; }), itemStyle: { color: "#9ec5fe" } }); }
    var sumbu = [{ type: "value" }];
    if (ada) { sumbu.push({ type: "value", name: "%", splitLine: { show: false } }); }
    buat(elInd, {
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 }, tooltip: { trigger: "axis", valueFormatter: fmt },
      xAxis: { type: "category", data: d.titik.map(function (t) { return t.nama; }) },
      yAxis: sumbu, series: seri
    });
  }
}());
