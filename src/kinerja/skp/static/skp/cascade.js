// The cascade of employee results as an ECharts tree (no inline script: CSP). Data come from
// the json_script #data-pohon-skp; PK items are grey boxes, employees' results white boxes.
(function () {
  "use strict";
  var wadah = document.getElementById("pohon-skp");
  var sumber = document.getElementById("data-pohon-skp");
  if (!wadah || !sumber || typeof echarts === "undefined") { return; }
  var akar = JSON.parse(sumber.textContent);

  function potong(teks, n) {
    teks = String(teks || "");
    return teks.length > n ? teks.slice(0, n - 1) + "…" : teks;
  }
  function bentuk(node, kedalaman) {
    var pk = node.jenis === "pk", root = node.jenis === "akar";
    var hasil = {
      name: potong(node.name, 60),
      value: node.pemilik,
      collapsed: kedalaman >= 3,
      itemStyle: { color: root ? "#0b4f6c" : (pk ? "#6c757d" : "#ffffff"), borderColor: "#0b4f6c" },
      label: { color: root || pk ? "#ffffff" : "#212529", backgroundColor: root ? "#0b4f6c" : (pk ? "#6c757d" : "#ffffff"),
               borderColor: "#adb5bd", borderWidth: pk || root ? 0 : 1, padding: [4, 6], borderRadius: 4,
               width: 190, overflow: "break", fontSize: 11, lineHeight: 14 },
      tooltip: { formatter: function () {
        var d = document.createElement("div");
        d.style.maxWidth = "26rem"; d.style.whiteSpace = "normal";
        d.textContent = node.name + (node.pemilik ? " — " + node.pemilik : "") + (node.keterangan ? " · " + node.keterangan : "");
        return d.outerHTML;
      } }
    };
    if ((node.children || []).length) {
      hasil.children = node.children.map(function (a) { return bentuk(a, kedalaman + 1); });
    }
    return hasil;
  }
  var grafik = echarts.init(wadah, null, { renderer: "canvas" });
  grafik.setOption({
    tooltip: { trigger: "item", confine: true },
    series: [{
      type: "tree", data: [bentuk(akar, 0)], orient: "LR", top: 20, bottom: 20, left: 120, right: 220,
      symbol: "circle", symbolSize: 9, expandAndCollapse: true, initialTreeDepth: 3, roam: true,
      label: { position: "right", verticalAlign: "middle", align: "left" },
      leaves: { label: { position: "right", align: "left" } },
      lineStyle: { color: "#adb5bd", curveness: 0.5 }, animationDuration: 300
    }]
  });
  window.addEventListener("resize", function () { grafik.resize(); });
}());
