// claimgraph web UI: upload progress and the figures timeline. Loaded from /static
// (the Content-Security-Policy forbids inline scripts); reads data attributes only.
(function () {
  "use strict";

  function uploadProgress() {
    document.body.addEventListener("htmx:xhr:progress", function (event) {
      var bar = document.getElementById("upload-progress");
      var phase = document.getElementById("upload-phase");
      if (!bar || !event.detail.lengthComputable) { return; }
      bar.hidden = false;
      bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
      if (phase) {
        phase.textContent = bar.value < 100 ? "sending " + bar.value + " %" : "reading and extracting…";
      }
    });
    document.body.addEventListener("htmx:afterRequest", function () {
      var bar = document.getElementById("upload-progress");
      var phase = document.getElementById("upload-phase");
      if (bar) { bar.hidden = true; bar.value = 0; }
      if (phase) { phase.textContent = ""; }
    });
  }

  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
                 "#17becf", "#bcbd22", "#7f7f7f"];

  function drawTimeline(el, data) {
    var traces = [];
    var flagged = {x: [], y: [], text: [], customdata: []};
    data.series.forEach(function (series, i) {
      var pts = series.points;
      traces.push({
        type: "scatter", mode: "markers", name: series.origin,
        x: pts.map(function (p) { return p.date; }),
        y: pts.map(function (p) { return p.value; }),
        error_y: {type: "data", symmetric: false,
                  array: pts.map(function (p) { return p.high - p.value; }),
                  arrayminus: pts.map(function (p) { return p.value - p.low; })},
        text: pts.map(function (p) { return p.text + " (" + p.category + ", " + (p.subject || "?") + ")"; }),
        customdata: pts.map(function (p) { return p.url; }),
        hovertemplate: "%{text}<br>%{x}: [%{y}]<extra>" + "%{fullData.name}" + "</extra>",
        marker: {size: 10, color: PALETTE[i % PALETTE.length]}
      });
      pts.forEach(function (p) {
        if (p.contradiction) {
          flagged.x.push(p.date); flagged.y.push(p.value);
          flagged.text.push("contradiction: " + p.text); flagged.customdata.push(p.url);
        }
      });
    });
    if (flagged.x.length) {
      traces.push({type: "scatter", mode: "markers", name: "contradicted", x: flagged.x, y: flagged.y,
                   text: flagged.text, customdata: flagged.customdata, hoverinfo: "text",
                   marker: {size: 18, symbol: "circle-open", color: "#000", line: {width: 2}}});
    }
    var layout = {margin: {t: 20, r: 10, b: 40, l: 60}, hovermode: "closest", legend: {orientation: "h"},
                  xaxis: {type: "date"}, yaxis: {rangemode: "tozero"},
                  height: 380};
    el.textContent = "";
    window.Plotly.newPlot(el, traces, layout, {displaylogo: false, displayModeBar: false, responsive: true}).then(function () {
      el.setAttribute("data-points", String(data.series.reduce(function (n, s) { return n + s.points.length; }, 0)));
      el.classList.add("chart-ready");
    });
    el.on("plotly_click", function (event) {
      var url = event.points && event.points[0] && event.points[0].customdata;
      if (typeof url === "string" && url.charAt(0) === "/") { window.location.assign(url); }
    });
  }

  function timeline() {
    var el = document.getElementById("timeline");
    if (!el) { return; }
    var src = el.getAttribute("data-src");
    if (!src || src.charAt(0) !== "/") { return; }
    fetch(src, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (data) {
        var total = data.series.reduce(function (n, s) { return n + s.points.length; }, 0);
        if (!total) { el.textContent = "No dated figures match these filters."; el.classList.add("chart-empty"); return; }
        if (!window.Plotly) { el.textContent = "The chart library is not installed (pip install plotly)."; return; }
        drawTimeline(el, data);
      })
      .catch(function (err) { el.textContent = "Could not load the timeline: " + err.message; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    uploadProgress();
    timeline();
  });
}());
