// The ops page: reads the ops API of the same origin (the browser sends the page's HTTP Basic
// credentials), refreshes every 5 s, and acts on failures.
'use strict';

const api = async (path, options) => {
  const response = await fetch(path, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options));
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error((body && (body.detail || body.title)) || response.status + ' ' + response.statusText);
  }
  return body;
};

const cell = (text, className) => {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  return td;
};

const time = iso => iso ? new Date(iso).toLocaleString() : '';
const total = counts => Object.values(counts || {}).reduce((sum, n) => sum + n, 0);

async function showExecutions() {
  const executions = await api('/ops/jobs/executions?limit=20');
  const body = document.querySelector('#executions tbody');
  body.replaceChildren(...executions.map(e => {
    const row = document.createElement('tr');
    row.dataset.executionId = e.executionId;
    const progress = document.createElement('td');
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = e.progress.percent;
    progress.append(bar, ' ' + e.progress.percent + '%');
    row.append(cell(e.executionId), cell(e.job), cell(e.status, 'status-' + e.status),
      cell(Object.entries(e.parameters).map(([k, v]) => k + '=' + v).join(' ')), cell(time(e.startTime)), progress,
      cell(e.readCount, 'num'), cell(e.writeCount, 'num'), cell(e.progress.itemsPerSecond + '/s', 'num'),
      cell(e.progress.etaSeconds === null ? '' : e.progress.etaSeconds + ' s', 'num'),
      cell(Object.entries(e.sync || {}).map(([domain, s]) => domain + ': ' + time(s.markTime) + ', ' + s.lagSeconds + ' s behind').join('; ')));
    return row;
  }));
}

async function showRuns() {
  const runs = await api('/ops/reconciliation/runs?limit=30');
  const body = document.querySelector('#runs tbody');
  body.replaceChildren(...runs.map(r => {
    const row = document.createElement('tr');
    row.dataset.executionId = r.executionId;
    row.append(cell(r.executionId), cell(time(r.finishedAt)), cell(r.status, 'status-' + r.status), cell(r.dryRun ? 'yes' : ''),
      cell(total(r.drift), 'num'), cell(total(r.repaired), 'num'),
      cell(Object.entries(r.drift).map(([k, v]) => k + ' ' + v).join(', ')));
    return row;
  }));
  drawChart(runs.slice().reverse());
}

// Total drift per run, oldest on the left: one bar per run, its height to scale.
function drawChart(runs) {
  const svg = document.getElementById('drift-chart');
  const ns = 'http://www.w3.org/2000/svg';
  const width = 720, height = 220, bottom = 30, top = 10;
  const max = Math.max(1, ...runs.map(r => total(r.drift)));
  const step = runs.length ? Math.min(60, (width - 20) / runs.length) : 0;
  const shapes = [];
  runs.forEach((r, i) => {
    const value = total(r.drift);
    const h = (height - bottom - top) * value / max;
    const bar = document.createElementNS(ns, 'rect');
    bar.setAttribute('x', 10 + i * step);
    bar.setAttribute('y', height - bottom - h);
    bar.setAttribute('width', Math.max(2, step - 6));
    bar.setAttribute('height', Math.max(1, h));
    bar.dataset.executionId = r.executionId;
    const title = document.createElementNS(ns, 'title');
    title.textContent = 'run ' + r.executionId + ': ' + value + ' drifted';
    bar.append(title);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', 10 + i * step);
    label.setAttribute('y', height - 12);
    label.textContent = '#' + r.executionId + ' (' + value + ')';
    shapes.push(bar, label);
  });
  svg.replaceChildren(...shapes);
}

async function showFailures() {
  const status = document.getElementById('failure-status').value;
  const failures = await api('/ops/failures?limit=100' + (status ? '&status=' + status : ''));
  const body = document.querySelector('#failures tbody');
  body.replaceChildren(...failures.map(f => {
    const row = document.createElement('tr');
    row.dataset.failureId = f.failureId;
    const actions = document.createElement('td');
    if (f.status === 'NEW') {
      actions.append(button('Replay', 'replay', f), button('Discard', 'discard', f));
    }
    row.append(cell(time(f.recordedAt)), cell(f.topic), cell(f.partition + '/' + f.offset), cell(f.key), cell(f.reason),
      cell(f.status, 'failure-status'), actions);
    return row;
  }));
}

function button(label, action, failure) {
  const b = document.createElement('button');
  b.textContent = label;
  b.className = action;
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const after = await api('/ops/failures/' + failure.failureId + '/' + action, { method: 'POST' });
      say(label + 'ed ' + failure.topic + ' ' + failure.partition + '/' + failure.offset + ': now ' + after.status);
    } catch (e) {
      say(label + ' failed: ' + e.message);
    }
    await refresh();
  });
  return b;
}

const say = text => { document.getElementById('message').textContent = text; };

async function refresh() {
  try {
    await Promise.all([showExecutions(), showRuns(), showFailures()]);
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    say('could not refresh: ' + e.message);
  }
}

document.getElementById('failure-status').addEventListener('change', refresh);
refresh();
setInterval(refresh, 5000);
