#!/usr/bin/env bash
# Draws every process in processes/ as docs/processes/<name>.svg with bpmn-js, the renderer of Camunda Modeler, in
# headless Chromium: the pictures in the README are exactly what a designer sees in the Modeler.
# Needs node with npm (bpmn-js comes from the npm registry) and chromium (Debian: apt-get install chromium).
# Run it after changing a BPMN file; BpmnPicturesTest fails while a picture is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
BPMN_JS_VERSION=18.6.1
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund "bpmn-js@${BPMN_JS_VERSION}" > /dev/null)
mkdir -p docs/processes
for bpmn in processes/*.bpmn; do
  name=$(basename "$bpmn" .bpmn)
  node - "$bpmn" "$work/$name.html" <<'JS'
const fs = require('fs');
const [bpmn, html] = process.argv.slice(2);
const xml = fs.readFileSync(bpmn, 'utf8');
fs.writeFileSync(html, `<!doctype html><meta charset="utf-8"><body>
<div id="canvas" style="width: 3600px; height: 1200px"></div><pre id="svg"></pre>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)})
    .then(() => viewer.saveSVG())
    .then(({ svg }) => { document.getElementById('svg').textContent = svg; })
    .catch(e => { document.getElementById('svg').textContent = 'ERROR ' + e.message; });
</script>`);
JS
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --virtual-time-budget=10000 --dump-dom "file://$work/$name.html" \
    2> /dev/null > "$work/$name.dom"
  node - "$work/$name.dom" "docs/processes/$name.svg" <<'JS'
const fs = require('fs');
const [dom, svg] = process.argv.slice(2);
const match = /<pre id="svg">([\s\S]*?)<\/pre>/.exec(fs.readFileSync(dom, 'utf8'));
const text = match ? match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : '';
if (!text.startsWith('<?xml') && !text.startsWith('<svg')) {
  console.error(`could not draw ${svg}: ${text.slice(0, 200) || 'nothing rendered'}`);
  process.exit(1);
}
fs.writeFileSync(svg, text.endsWith('\n') ? text : text + '\n');
JS
  echo "docs/processes/$name.svg"
done
