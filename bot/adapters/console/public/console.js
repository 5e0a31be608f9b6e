// Passenger coordination console. Every text from the server (traveller messages above all)
// goes into the page with textContent or as an option value, never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const LANG_NAMES = { zh: '中文 zh', en: 'English en', ru: 'Русский ru' };
  const WHO = { traveller: 'Traveller', bot: 'Bot', coordinator: 'Coordinator' };
  const state = { me: null, csrf: '', sla: 5, offset: 0, items: new Map(), resolved: [], filter: 'open', current: null, detail: null, es: null, view: 'queue', draft: null, caseId: null };

  // ---- helpers -------------------------------------------------------------------------------
  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else if (k.startsWith('data-')) node.setAttribute(k, v);
      else node[k] = v;
    });
    (children || []).forEach((c) => c && node.appendChild(c));
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  const now = () => Date.now() + state.offset;
  function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 3600) return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }
  const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  let toastTimer = null;
  function toast(text, isError) {
    const t = $('toast');
    t.textContent = text; t.hidden = false; t.classList.toggle('error', !!isError);
    clearTimeout(toastTimer); toastTimer = setTimeout(() => { t.hidden = true; }, 5000);
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
    let res;
    try {
      res = await fetch('/api/v1' + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      toast('Cannot reach the server; check the connection.', true);
      throw e;
    }
    const data = await res.json().catch(() => ({}));
    if (res.status === 401 && path !== '/coordinator/login') { showLogin(); throw new Error('unauthorized'); }
    if (!res.ok) {
      const message = (data.error && data.error.message) || 'Request failed (' + res.status + ')';
      const e = new Error(message); e.status = res.status; throw e;
    }
    return data;
  }
  const fail = (e) => { if (e.message !== 'unauthorized') toast(e.message, true); };

  // ---- login ---------------------------------------------------------------------------------
  function showLogin() {
    if (state.es) { state.es.close(); state.es = null; }
    state.me = null; state.csrf = '';
    $('app').hidden = true; $('tabs').hidden = true; $('logout').hidden = true; $('live').hidden = true;
    $('me').textContent = '';
    $('login-view').hidden = false; $('login-name').focus();
  }
  function start(me) {
    state.me = me; state.csrf = me.csrf || ''; state.sla = (me.settings && me.settings.claimSlaMinutes) || 5;
    $('login-view').hidden = true; $('app').hidden = false; $('tabs').hidden = false; $('logout').hidden = false;
    $('me').textContent = me.name + (me.role === 'lead' ? ' (lead)' : '');
    document.querySelectorAll('.lead-only').forEach((n) => { n.hidden = me.role !== 'lead'; });
    document.body.classList.toggle('is-lead', me.role === 'lead');
    loadQueue(); connect();
  }
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const err = $('login-error'); err.hidden = true;
    try {
      const me = await api('POST', '/coordinator/login', { name: $('login-name').value.trim(), password: $('login-password').value });
      $('login-password').value = '';
      start(me);
    } catch (ex) { err.textContent = ex.message; err.hidden = false; }
  });
  $('logout').addEventListener('click', () => { api('POST', '/coordinator/logout').catch(() => {}).then(showLogin); });

  // ---- live updates (SSE) --------------------------------------------------------------------
  function connect() {
    if (state.es) state.es.close();
    const es = new EventSource('/api/v1/escalations/stream');
    state.es = es;
    const live = $('live'); live.hidden = false;
    es.onopen = () => { live.textContent = '● live'; live.className = 'live on'; loadQueue(); if (state.current) openCase(state.current, true); };
    es.onerror = () => {
      live.textContent = '○ reconnecting…'; live.className = 'live off';
      // The browser retries by itself unless the server refused the stream (e.g. the session ended).
      if (es.readyState === 2 && state.es === es) api('GET', '/coordinator/session').then(() => setTimeout(connect, 3000)).catch(() => {});
    };
    es.addEventListener('escalation', (ev) => {
      const item = JSON.parse(ev.data);
      if (item.status === 'resolved') { state.items.delete(item.id); state.resolved.unshift(item); } else state.items.set(item.id, item);
      renderQueue();
      if (state.current === item.id) openCase(item.id, true);
    });
    es.addEventListener('message', (ev) => {
      const data = JSON.parse(ev.data);
      if (!state.detail || data.escalationId !== state.detail.id) return;
      addLine($('transcript'), data.message);
      // What the traveller adds can change what the knowledge base suggests.
      if (data.message.from === 'traveller') openCase(state.detail.id, true);
    });
  }

  // ---- queue ---------------------------------------------------------------------------------
  async function loadQueue() {
    try {
      const active = await api('GET', '/escalations?status=active');
      state.offset = Date.parse(active.now) - Date.now();
      state.items = new Map(active.items.map((i) => [i.id, i]));
      if (state.filter === 'resolved') state.resolved = (await api('GET', '/escalations?status=resolved&limit=100')).items;
      renderQueue();
    } catch (e) { fail(e); }
  }
  function visibleItems() {
    if (state.filter === 'resolved') return state.resolved;
    const all = [...state.items.values()];
    if (state.filter === 'mine') return all.filter((i) => i.status === 'claimed' && i.claimedBy === state.me.name);
    return all.filter((i) => i.status === state.filter);
  }
  function renderQueue() {
    const list = clear($('queue'));
    const items = visibleItems();
    const waiting = [...state.items.values()].filter((i) => i.status === 'open').length;
    $('queue-count').textContent = waiting ? String(waiting) : '';
    $('queue-empty').hidden = items.length > 0;
    items.forEach((i) => {
      const li = el('li', { className: 'item ' + i.status + (i.id === state.current ? ' selected' : ''), 'data-id': i.id, tabIndex: 0 }, [
        el('div', { className: 'row' }, [
          el('span', { className: 'badge lang', text: i.lang }),
          el('span', { className: 'reason', text: i.reasons.join(', ') }),
          el('span', { className: 'wait', text: i.resolvedAt ? 'closed ' + time(i.resolvedAt) : '' }),
        ]),
        el('div', { className: 'question', text: i.question }),
        i.claimedBy ? el('div', { className: 'holder', text: 'with ' + i.claimedBy }) : null,
      ]);
      li.addEventListener('click', () => openCase(i.id));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') openCase(i.id); });
      list.appendChild(li);
    });
    tick();
  }
  // Waiting time and SLA colour: amber past half the SLA, red past it (limits.yaml coordination.claimSlaMinutes).
  function tick() {
    document.querySelectorAll('#queue .item').forEach((li) => {
      const span = li.querySelector('.wait');
      const item = state.items.get(li.dataset.id);
      if (!span || !item) return;
      const end = item.claimedAt ? Date.parse(item.claimedAt) : now();
      const ms = end - Date.parse(item.createdAt);
      span.textContent = duration(ms);
      li.classList.toggle('late', item.status === 'open' && ms >= state.sla * 60000);
      li.classList.toggle('warn', item.status === 'open' && ms >= state.sla * 30000 && ms < state.sla * 60000);
    });
    if (state.detail && state.detail.status !== 'resolved') $('case-waiting').textContent = 'waiting ' + duration((state.detail.claimedAt ? Date.parse(state.detail.claimedAt) : now()) - Date.parse(state.detail.createdAt));
  }
  setInterval(tick, 1000);
  document.querySelectorAll('.filters button').forEach((b) => b.addEventListener('click', () => {
    state.filter = b.dataset.filter;
    document.querySelectorAll('.filters button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
    if (state.filter === 'resolved') loadQueue(); else renderQueue();
  }));

  // ---- one case ------------------------------------------------------------------------------
  function addLine(list, m) {
    if (m.id && list.querySelector('[data-id="' + m.id + '"]')) return;
    const li = el('li', { className: 'msg ' + m.from, 'data-from': m.from }, [
      el('span', { className: 'who', text: (WHO[m.from] || m.from) + ' · ' + time(m.at) }),
      el('span', { className: 'text', text: m.text }),
    ]);
    if (m.id) li.setAttribute('data-id', String(m.id));
    list.appendChild(li);
    li.scrollIntoView({ block: 'nearest' });
  }
  async function openCase(id, quiet) {
    state.current = id;
    document.body.classList.add('has-case');
    try {
      const d = await api('GET', '/escalations/' + encodeURIComponent(id));
      if (state.current !== id) return;
      state.detail = d;
      renderCase(d, quiet);
      renderQueue();
    } catch (e) { fail(e); }
  }
  function renderCase(d, keepInputs) {
    $('case-empty').hidden = true; $('case-body').hidden = false;
    $('case-title').textContent = d.question;
    $('case-lang').textContent = LANG_NAMES[d.lang] || d.lang;
    $('case-status').textContent = d.status;
    $('case-status').className = 'badge status ' + d.status;
    $('case-channel').textContent = d.channel;
    $('case-reasons').textContent = d.reasons.join(', ');
    $('case-holder').textContent = d.claimedBy ? 'held by ' + d.claimedBy : '';
    $('case-waiting').textContent = '';
    const mine = d.status === 'claimed' && d.claimedBy === state.me.name;
    $('claim').hidden = d.status !== 'open';
    $('takeover').hidden = !(state.me.role === 'lead' && d.status === 'claimed' && !mine);
    ['reply-form', 'note-form', 'transfer-form', 'resolve-form'].forEach((f) => { $(f).querySelectorAll('textarea, input, select, button').forEach((n) => { n.disabled = !mine; }); });
    const tr = clear($('transcript'));
    d.transcript.forEach((m) => addLine(tr, m));
    const cands = clear($('candidates'));
    d.candidates.forEach((c) => {
      const b = el('button', { type: 'button', className: 'candidate' }, [el('strong', { text: c.title }), el('span', { text: c.lead }), el('small', { text: c.source })]);
      b.addEventListener('click', () => { $('reply').value = c.lead + '\n' + c.source; $('reply').focus(); });
      cands.appendChild(el('li', {}, [b]));
    });
    const notes = clear($('notes'));
    d.notes.forEach((n) => notes.appendChild(el('li', {}, [el('span', { className: 'who', text: n.author + ' · ' + time(n.at) }), el('span', { text: n.text })])));
    if (!keepInputs) { $('reply').value = ''; $('note').value = ''; $('resolve-summary').value = ''; $('transfer-note').value = ''; $('resolve-promote').checked = false; }
    tick();
  }
  const caseAction = (path, body, done) => api('POST', '/escalations/' + encodeURIComponent(state.current) + path, body).then((r) => { if (done) done(r); return openCase(state.current, true); }).catch(fail);
  $('claim').addEventListener('click', () => caseAction('/claim', undefined, () => toast('Claimed. The traveller is yours.')));
  $('takeover').addEventListener('click', () => caseAction('/takeover', undefined, () => toast('You have taken the case over.')));
  $('back').addEventListener('click', () => { document.body.classList.remove('has-case'); });
  $('reply-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('reply').value.trim(); if (!text) return;
    api('POST', '/escalations/' + encodeURIComponent(state.current) + '/messages', { text }).then((m) => { addLine($('transcript'), m); $('reply').value = ''; }).catch(fail);
  });
  $('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('note').value.trim(); if (!text) return;
    caseAction('/notes', { text }, () => { $('note').value = ''; });
  });
  $('transfer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { department: $('transfer-department').value };
    if ($('transfer-note').value.trim()) body.note = $('transfer-note').value.trim();
    caseAction('/transfer', body, () => toast('Transferred; the traveller was told where to go.'));
  });
  $('resolve-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { category: $('resolve-category').value, summary: $('resolve-summary').value.trim(), promote: $('resolve-promote').checked };
    if (!body.summary) return;
    caseAction('/resolve', body, (r) => toast('Resolved into the casebook' + (r.draft ? '; a draft entry was proposed.' : '.')));
  });

  // ---- views ---------------------------------------------------------------------------------
  function show(view) {
    state.view = view;
    document.querySelectorAll('#tabs button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === view)));
    ['queue', 'casebook', 'stats', 'drafts'].forEach((v) => { $(v + '-view').hidden = v !== view; });
    if (view === 'casebook') searchCasebook();
    if (view === 'stats') loadStats();
    if (view === 'drafts') loadDrafts();
  }
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.view)));

  async function searchCasebook() {
    const params = new URLSearchParams();
    if ($('casebook-q').value.trim()) params.set('q', $('casebook-q').value.trim());
    if ($('casebook-category').value) params.set('category', $('casebook-category').value);
    try {
      const r = await api('GET', '/casebook?' + params.toString());
      const list = clear($('casebook-list'));
      if (!r.items.length) list.appendChild(el('li', { className: 'muted', text: 'No cases found.' }));
      r.items.forEach((c) => {
        const li = el('li', { className: 'item', 'data-id': c.id, tabIndex: 0 }, [
          el('div', { className: 'row' }, [el('span', { className: 'badge lang', text: c.lang }), el('span', { className: 'reason', text: c.category }), el('span', { className: 'wait', text: new Date(c.resolvedAt).toLocaleString() })]),
          el('div', { className: 'question', text: c.question }),
        ]);
        li.addEventListener('click', () => openCaseEntry(c.id));
        list.appendChild(li);
      });
    } catch (e) { fail(e); }
  }
  async function openCaseEntry(id) {
    try {
      const c = await api('GET', '/casebook/' + encodeURIComponent(id));
      state.caseId = id;
      $('casebook-detail').hidden = false;
      $('cb-title').textContent = c.category + (c.department ? ' → ' + c.department : '');
      $('cb-meta').textContent = [LANG_NAMES[c.lang] || c.lang, c.coordinator, 'waited ' + duration(c.waitingMs), 'handled in ' + duration(c.handlingMs), c.reasons.join(', ')].join(' · ');
      $('cb-question').textContent = c.question;
      $('cb-summary').textContent = c.summary;
      const tr = clear($('cb-transcript'));
      c.transcript.forEach((m) => addLine(tr, m));
      $('cb-promote').disabled = !!c.draftId;
      $('cb-promote').textContent = c.draftId ? 'Draft proposed' : 'Propose a knowledge-base entry';
    } catch (e) { fail(e); }
  }
  $('casebook-search').addEventListener('submit', (e) => { e.preventDefault(); searchCasebook(); });
  $('cb-promote').addEventListener('click', () => api('POST', '/casebook/' + encodeURIComponent(state.caseId) + '/promote').then(() => { toast('Draft proposed to the leads.'); openCaseEntry(state.caseId); }).catch(fail));

  async function loadStats() {
    try {
      const s = await api('GET', '/stats?days=' + encodeURIComponent($('stats-days').value));
      const min = (ms) => (ms === null ? '—' : duration(ms));
      const dl = clear($('stats-summary'));
      [['Conversations', String(s.conversations.total)], ['Escalated', String(s.conversations.escalated)], ['Answered by the bot alone', s.deflectionRate === null ? '—' : Math.round(s.deflectionRate * 100) + ' %'], ['Median time to claim', min(s.medianTimeToClaimMs)], ['Median time to resolve', min(s.medianTimeToResolveMs)]]
        .forEach(([k, v]) => { dl.appendChild(el('dt', { text: k })); dl.appendChild(el('dd', { text: v })); });
      const rows = (id, data) => { const tb = clear($(id).querySelector('tbody')); data.forEach((cells) => tb.appendChild(el('tr', {}, cells.map((c) => el('td', { text: String(c) }))))); };
      rows('stats-days-table', s.escalationsPerDay.map((d) => [d.day, d.count]));
      rows('stats-reasons', s.escalationsPerReason.map((r) => [r.reason, r.count]));
      rows('stats-top', s.topUnanswered.map((q) => [q.question, q.lang, q.count]));
    } catch (e) { fail(e); }
  }
  $('stats-form').addEventListener('submit', (e) => { e.preventDefault(); loadStats(); });

  async function loadDrafts() {
    try {
      const r = await api('GET', '/drafts?status=open');
      const list = clear($('drafts-list'));
      if (!r.items.length) list.appendChild(el('li', { className: 'muted', text: 'No open drafts.' }));
      r.items.forEach((d) => {
        const li = el('li', { className: 'item', tabIndex: 0 }, [el('div', { className: 'row' }, [el('span', { className: 'reason', text: (d.entry && d.entry.id) || d.id }), el('span', { className: 'wait', text: 'by ' + d.createdBy })])]);
        li.addEventListener('click', () => openDraft(d.id));
        list.appendChild(li);
      });
    } catch (e) { fail(e); }
  }
  function showIssues(issues) {
    const ul = clear($('draft-issues'));
    issues.forEach((i) => ul.appendChild(el('li', { text: i.field + ': ' + i.message })));
  }
  async function openDraft(id) {
    try {
      const r = await api('GET', '/drafts/' + encodeURIComponent(id));
      state.draft = r.draft;
      $('draft-editor').hidden = false;
      $('draft-title').textContent = 'Draft from case ' + r.draft.caseId;
      $('draft-json').value = JSON.stringify(r.draft.entry, null, 2);
      showIssues(r.issues);
    } catch (e) { fail(e); }
  }
  function draftBody() {
    try { return JSON.parse($('draft-json').value); } catch (e) { toast('The entry is not valid JSON: ' + e.message, true); return null; }
  }
  $('draft-save').addEventListener('click', () => {
    const body = draftBody(); if (!body) return;
    api('PUT', '/drafts/' + encodeURIComponent(state.draft.id), body).then((r) => { showIssues(r.issues); toast(r.issues.length ? 'Saved; ' + r.issues.length + ' thing(s) still to fix.' : 'Saved; ready to approve.'); }).catch(fail);
  });
  $('draft-approve').addEventListener('click', () => {
    const body = draftBody(); if (!body) return;
    api('PUT', '/drafts/' + encodeURIComponent(state.draft.id), body)
      .then(() => api('POST', '/drafts/' + encodeURIComponent(state.draft.id) + '/approve'))
      .then((r) => { toast('Published as ' + r.file + '; the bot answers from it now.'); $('draft-editor').hidden = true; loadDrafts(); })
      .catch(fail);
  });
  $('draft-reject').addEventListener('click', () => api('POST', '/drafts/' + encodeURIComponent(state.draft.id) + '/reject').then(() => { $('draft-editor').hidden = true; loadDrafts(); }).catch(fail));

  // ---- boot ----------------------------------------------------------------------------------
  fetch('/api/v1/coordinator/session', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json().then(start) : showLogin()))
    .catch(showLogin);
})();
