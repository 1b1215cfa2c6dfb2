/* Draws every chart of a Summits report with Apache ECharts. Each <figure data-chart> holds its
   option as JSON; a string "fn:NAME" in it stands for the function NAME below. */
(function () {
  'use strict';

  function round2(v) {
    var r = Math.round(v * 100) / 100;
    return r === 0 ? 0 : r; // never "-0"
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function bandSize(api, dimension) {
    var size = api.size(dimension === 0 ? [1, 0] : [0, 1]);
    return size[dimension];
  }

  var functions = {
    number: function (v) { return String(round2(v)); },
    percent: function (v) { return round2(v) + '%'; },
    signed: function (v) { var r = round2(v); return (r > 0 ? '+' : '') + r; },

    /* The tooltip: the datum's own text when it has one, else the series and value; one line per
       series when the tooltip follows the axis. */
    tip: function (p) {
      if (Array.isArray(p)) return p.map(functions.tip).join('<br>');
      if (p.data && p.data.tip) return escapeHtml(p.data.tip).replace(/\n/g, '<br>');
      var value = Array.isArray(p.value) ? p.value.join(', ') : p.value;
      return escapeHtml(p.seriesName + ': ' + value);
    },

    /* A status held over a run: value [row, first advance, last advance], on category axes. */
    span: function (params, api) {
      var row = api.value(0);
      var from = api.coord([api.value(1), row]);
      var to = api.coord([api.value(2), row]);
      var band = bandSize(api, 0);
      var height = bandSize(api, 1) * 0.6;
      return {
        type: 'rect',
        shape: { x: from[0] - band / 2, y: from[1] - height / 2, width: Math.max(2, to[0] - from[0] + band), height: height },
        style: { fill: api.visual('color') }
      };
    },

    /* A histogram bar sharing its bin with others: value [low, high, count, slot, slots]. */
    bin: function (params, api) {
      var low = api.value(0), high = api.value(1), slot = api.value(3), slots = api.value(4);
      var width = (high - low) / slots;
      var a = api.coord([low + slot * width, api.value(2)]);
      var b = api.coord([low + (slot + 1) * width, 0]);
      return {
        type: 'rect',
        shape: { x: a[0], y: a[1], width: Math.max(1, b[0] - a[0] - 1), height: b[1] - a[1] },
        style: { fill: api.visual('color') }
      };
    },

    /* An interval on a horizontal value axis: value [low, high, row, offset in bands]. */
    whisker: function (params, api) {
      var offset = api.value(3) * bandSize(api, 1);
      var a = api.coord([api.value(0), api.value(2)]);
      var b = api.coord([api.value(1), api.value(2)]);
      var y = a[1] + offset, cap = 5;
      var style = { stroke: '#222', lineWidth: 1.5 };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: a[0], y1: y, x2: b[0], y2: y }, style: style },
          { type: 'line', shape: { x1: a[0], y1: y - cap, x2: a[0], y2: y + cap }, style: style },
          { type: 'line', shape: { x1: b[0], y1: y - cap, x2: b[0], y2: y + cap }, style: style }
        ]
      };
    },

    /* A move along a row: value [from, to, row]. */
    segment: function (params, api) {
      var a = api.coord([api.value(0), api.value(2)]);
      var b = api.coord([api.value(1), api.value(2)]);
      return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: '#888', lineWidth: 2 } };
    }
  };

  function resolve(node) {
    if (Array.isArray(node)) {
      for (var i = 0; i < node.length; i++) node[i] = resolve(node[i]);
      return node;
    }
    if (node && typeof node === 'object') {
      Object.keys(node).forEach(function (key) { node[key] = resolve(node[key]); });
      return node;
    }
    if (typeof node === 'string' && node.indexOf('fn:') === 0) {
      var f = functions[node.slice(3)];
      if (!f) throw new Error('no chart function named ' + node.slice(3));
      return f;
    }
    return node;
  }

  /* On a page narrower than this, in CSS pixels, a chart's title wraps within the chart and its legend
     lists every entry in rows under the title instead of one paged line. */
  var NARROW = 640;
  var EDGE = 8;

  /* The bottom edge, in the chart's pixels, of what a component (the title, the legend) drew. */
  function bottomOf(chart, type) {
    var model = chart.getModel().getComponent(type);
    var view = model && chart.getViewOfComponentModel(model);
    if (!view || !view.group) return 0;
    var rect = view.group.getBoundingRect();
    return (view.group.y || 0) + rect.y + rect.height;
  }

  /* The height, in pixels, of the tallest text a component (an axis: its labels and name) drew. */
  function tallestText(chart, type) {
    var model = chart.getModel().getComponent(type);
    var view = model && chart.getViewOfComponentModel(model);
    var tallest = 0;
    if (view && view.group) {
      view.group.traverse(function (el) {
        if (el.type === 'text') tallest = Math.max(tallest, el.getBoundingRect().height);
      });
    }
    return tallest;
  }

  /* A text broken at its spaces into lines no wider than width pixels in the given CSS font (a word wider
     than that has a line of its own). */
  var measure = document.createElement('canvas').getContext('2d');
  function breakLines(text, font, width) {
    measure.font = font;
    var lines = [];
    var line = '';
    String(text).split(' ').forEach(function (word) {
      var tried = line ? line + ' ' + word : word;
      if (line && measure.measureText(tried).width > width) {
        lines.push(line);
        line = word;
      } else {
        line = tried;
      }
    });
    if (line) lines.push(line);
    return lines;
  }

  var charts = {};
  var figures = [];

  /* Draws a figure's chart for the width of its box. Wide, the option as written. Narrow, the title is
     broken into lines within the chart, the legend is a plain one in rows under it (every entry shown,
     no pager), and the plot moves down below both, the box growing by as much so the plot keeps its
     height; each place is read from what the chart drew. */
  function draw(figure) {
    var box = figure.querySelector('.chart');
    var option = resolve(JSON.parse(figure.querySelector('script[type="application/json"]').textContent));
    var id = figure.getAttribute('data-chart');
    var width = box.clientWidth;
    var narrow = width < NARROW;
    var grid = option.grid;
    var gridTop = grid.top, boundsTop = grid.outerBounds.top;
    var wrapped = null;
    if (narrow) {
      var room = width - 2 * EDGE;
      option.title.textStyle.width = room;
      option.title.textStyle.overflow = 'break';
      option.title.textStyle.lineHeight = 20;
      option.title.subtextStyle = { width: room, overflow: 'break', lineHeight: 16 };
      option.legend.type = 'plain';
      option.legend.width = room;
      /* A vertical category axis whose labels are phrases (words with spaces between) wraps them at
         their spaces within two fifths of the chart, so the plot, and the axis name over it, stay on
         the page; every word of each label is still shown. Labels of one word each keep their line. */
      [].concat(option.yAxis || []).forEach(function (axis) {
        if (axis.type !== 'category' || !(axis.data || []).some(function (l) { return String(l).indexOf(' ') >= 0; })) return;
        axis.axisLabel = Object.assign({}, axis.axisLabel, { width: Math.floor(room * 0.4), overflow: 'break', lineHeight: 14 });
        wrapped = axis;
      });
    }
    box.style.height = figure.baseHeight + 'px';
    var chart = charts[id];
    if (chart) {
      chart.resize();
      chart.setOption(option, { notMerge: true });
    } else {
      chart = charts[id] = echarts.init(box, null, { renderer: 'svg' });
      chart.setOption(option);
    }
    if (!narrow) return;
    var top = bottomOf(chart, 'title') + 6;
    if (option.legend.show) {
      chart.setOption({ legend: { top: top } });
      top = bottomOf(chart, 'legend') + 8;
    }
    var extra = Math.max(0, Math.ceil(top - boundsTop));
    /* Wrapped category labels take several lines each: the plot grows until every row has room for the
       tallest label, so no two rows' labels overlap. */
    var grow = 0;
    if (wrapped) {
      var rect = chart.getModel().getComponent('grid', 0).coordinateSystem.getRect();
      grow = Math.max(0, Math.ceil(wrapped.data.length * (tallestText(chart, 'yAxis') + 6) - rect.height));
    }
    box.style.height = (figure.baseHeight + extra + grow) + 'px';
    chart.resize();
    chart.setOption({ grid: { top: gridTop + extra, outerBounds: { top: boundsTop + extra } } });
    /* A horizontal axis's name, centred under the plot, breaks into lines at its spaces within the plot's width
       (ECharts only cuts an axis name short), so a long name ("Spearman's ρ between input and outcome over the
       runs") never reaches past the page's edges and every word of it is shown. */
    var plot = chart.getModel().getComponent('grid', 0).coordinateSystem.getRect();
    var font = '12px ' + option.textStyle.fontFamily;
    var broken = false;
    var names = [].concat(option.xAxis || []).map(function (axis) {
      if (!axis.name || axis.nameLocation !== 'middle') return {};
      var lines = breakLines(axis.name, font, plot.width);
      if (lines.length < 2) return {};
      broken = true;
      return { name: lines.join('\n'), nameGap: axis.nameGap + 7 * (lines.length - 1), nameTextStyle: Object.assign({}, axis.nameTextStyle, { lineHeight: 14 }) };
    });
    if (broken) chart.setOption({ xAxis: names });
  }

  document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
    figure.baseHeight = figure.querySelector('.chart').clientHeight;
    figures.push(figure);
    draw(figure);
  });
  window.addEventListener('resize', function () { figures.forEach(draw); });
  window.summitsCharts = charts;
})();
