// Travel agencies' page (issue 11): trip form -> POST /api/v1/briefings; printable briefings;
// bulk questions (CSV) -> POST /api/v1/batch. Labels come from GET /api/v1/agency/texts.
// Our own text is written with textContent; the briefing HTML is composed and escaped by the server.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const langs = ['zh', 'en', 'ru'];
  const ui = langs.includes(params.get('ui')) ? params.get('ui') : (langs.find((l) => (navigator.language || '').startsWith(l)) || 'en');
  const $ = (id) => document.getElementById(id);
  let texts = {};

  function checkbox(container, name, value, label, checked) {
    const l = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox'; input.name = name; input.value = value; input.checked = checked;
    l.append(input, ' ', label);
    container.append(l);
  }

  function fill(data) {
    texts = data.texts;
    document.documentElement.lang = ui === 'zh' ? 'zh-CN' : ui;
    document.title = texts.page_title;
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = texts[el.dataset.t] || el.textContent;
    const list = (p) => (params.get(p) || '').split(',').filter(Boolean);
    for (const d of data.directions) {
      const o = document.createElement('option');
      o.value = d; o.textContent = texts['page_direction_' + d]; $('direction').append(o);
    }
    if (params.get('direction')) $('direction').value = params.get('direction');
    $('country').value = (params.get('country') || '').toUpperCase();
    const chosen = list('languages');
    for (const l of langs) checkbox($('languages'), 'languages', l, { zh: '中文', en: 'English', ru: 'Русский' }[l], chosen.length ? chosen.includes(l) : l === ui);
    for (const c of ['resident', 'non-resident', 'hk-macao', 'frequent']) checkbox($('categories'), 'categories', c, texts['category_' + c], list('categories').includes(c));
    for (const i of data.interests) checkbox($('interests'), 'interests', i, texts['interest_' + i], list('interests').includes(i));
  }

  function values(name) {
    return [...document.querySelectorAll('input[name="' + name + '"]:checked')].map((i) => i.value);
  }

  async function make(event) {
    if (event) event.preventDefault();
    const body = { direction: $('direction').value, country: $('country').value.trim().toUpperCase(), languages: values('languages'), categories: values('categories'), interests: values('interests') };
    $('error').hidden = true;
    const res = await fetch('/api/v1/briefings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = await res.json();
    if (!res.ok) {
      $('error').textContent = data.error ? data.error.message : String(res.status);
      $('error').hidden = false;
      return;
    }
    const out = $('briefings');
    out.replaceChildren();
    for (const b of data.briefings) {
      const holder = document.createElement('div');
      holder.innerHTML = b.html; // composed and escaped by the server (bot/core/agency/briefing.ts)
      const short = document.createElement('details');
      short.className = 'short-block screen-only';
      const summary = document.createElement('summary');
      summary.textContent = texts.page_short;
      const pre = document.createElement('pre');
      pre.className = 'short'; pre.textContent = b.text;
      short.append(summary, pre);
      out.append(...holder.children, short);
    }
    $('print').hidden = false;
    document.body.dataset.ready = String(data.briefings.length);
  }

  async function batch(event) {
    event.preventDefault();
    const file = $('batch-file').files[0];
    if (!file) return;
    const res = await fetch('/api/v1/batch', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: await file.arrayBuffer() });
    if (!res.ok) {
      const data = await res.json();
      $('batch-status').textContent = data.error ? data.error.message : String(res.status);
      $('batch-status').hidden = false;
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url; a.download = 'answers.csv';
    document.body.append(a); a.click(); a.remove();
  }

  fetch('/api/v1/agency/texts?lang=' + ui).then((r) => r.json()).then((data) => {
    fill(data);
    $('trip').addEventListener('submit', make);
    $('batch').addEventListener('submit', batch);
    $('print').addEventListener('click', () => window.print());
    document.body.dataset.loaded = 'true';
    if (params.get('direction') && params.get('country')) make();
  });
})();
