// Passenger coordination console. Every text from the server (traveller messages above all)
// goes into the page with textContent or as an option value, never as HTML. The interface
// speaks zh (default), en or ru: its phrases come from /console/texts.json
// (knowledge/lang/console.yaml); times are shown in the coordinator's time zone.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const LANG_NAMES = { zh: '中文 zh', en: 'English en', ru: 'Русский ru' };
  const LOCALES = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };
  /** Urgency tiers that count as urgent (goods held, someone unwell, distress, complaints); see core/coordination/urgency.ts. */
  const URGENT_BELOW = 3;
  const store = {
    get: (k) => { try { return localStorage.getItem('console.' + k); } catch (e) { return null; } },
    set: (k, v) => { try { localStorage.setItem('console.' + k, v); } catch (e) { /* private mode: the choice lasts this page only */ } },
  };
  const browserZone = (() => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) { return 'UTC'; } })();
  const state = {
    me: null, csrf: '', sla: 5, offset: 0, items: new Map(), resolved: [], filter: 'open', current: null, detail: null, es: null, view: 'queue', draft: null, caseId: null,
    texts: null, lang: ['zh', 'en', 'ru'].includes(store.get('lang')) ? store.get('lang') : 'zh', tz: store.get('tz') || browserZone,
    alerts: store.get('alerts') === 'on', audio: null, formOptions: null,
  };

  // ---- language and time zone ----------------------------------------------------------------
  /** The phrase `key` in the interface language, `{slot}`s filled. */
  function t(key, slots) {
    const table = (state.texts && state.texts[state.lang]) || {};
    const text = key in table ? table[key] : key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (slots && name in slots ? String(slots[name]) : m));
  }
  const reasonsText = (reasons) => reasons.map((r) => t('reason_' + r)).join(state.lang === 'zh' ? '、' : ', ');
  function applyTexts() {
    if (!state.texts) return;
    document.documentElement.lang = LOCALES[state.lang];
    document.querySelectorAll('[data-t]').forEach((n) => { n.textContent = t(n.dataset.t); });
    document.querySelectorAll('[data-t-placeholder]').forEach((n) => { n.placeholder = t(n.dataset.tPlaceholder); });
    document.querySelectorAll('[data-t-aria]').forEach((n) => { n.setAttribute('aria-label', t(n.dataset.tAria)); });
    $('ui-lang').value = state.lang;
    updateTitle();
  }
  function setLang(lang) {
    state.lang = lang; store.set('lang', lang);
    applyTexts();
    rerender();
  }
  function fillZones() {
    const zones = [...new Set([state.tz, browserZone, 'Asia/Shanghai', 'Asia/Hong_Kong', 'Europe/Moscow', 'UTC'])];
    const select = $('ui-tz');
    zones.forEach((z) => select.appendChild(el('option', { value: z, text: z })));
    select.value = state.tz;
  }
  function formatter(options) {
    try { return new Intl.DateTimeFormat(LOCALES[state.lang], { ...options, timeZone: state.tz }); } catch (e) { return new Intl.DateTimeFormat(LOCALES[state.lang], options); }
  }
  const time = (iso) => formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  const dateTime = (iso) => formatter({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 3600) return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    return t('duration_hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  }

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
  let toastTimer = null;
  function toast(text, isError) {
    const box = $('toast');
    box.textContent = text; box.hidden = false; box.classList.toggle('error', !!isError);
    clearTimeout(toastTimer); toastTimer = setTimeout(() => { box.hidden = true; }, 5000);
  }

  /** The server's message for a refused request, led by a phrase in the interface language. */
  function errorText(status, message) {
    if (status === 409) return t('error_conflict') + ' ' + message;
    if (status === 403) return t('error_forbidden');
    if (status === 404) return t('error_not_found');
    if (status === 400) return t('error_invalid') + ' ' + message;
    return message || t('request_failed', { status });
  }
  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
    let res;
    try {
      res = await fetch('/api/v1' + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      toast(t('offline'), true);
      throw e;
    }
    const data = await res.json().catch(() => ({}));
    if (res.status === 401 && path !== '/coordinator/login') { showLogin(); throw new Error('unauthorized'); }
    if (!res.ok) {
      const e = new Error(errorText(res.status, data.error && data.error.message)); e.status = res.status; e.data = data; throw e;
    }
    return data;
  }
  const fail = (e) => { if (e.message !== 'unauthorized') toast(e.message, true); };

  // ---- login ---------------------------------------------------------------------------------
  function showLogin() {
    if (state.es) { state.es.close(); state.es = null; }
    state.me = null; state.csrf = '';
    $('app').hidden = true; $('tabs').hidden = true; $('logout').hidden = true; $('live').hidden = true; $('alerts-setting').hidden = true;
    $('me').textContent = '';
    $('login-view').hidden = false; $('login-name').focus();
    updateTitle();
  }
  function start(me) {
    state.me = me; state.csrf = me.csrf || ''; state.sla = (me.settings && me.settings.claimSlaMinutes) || 5;
    $('login-view').hidden = true; $('app').hidden = false; $('tabs').hidden = false; $('logout').hidden = false; $('alerts-setting').hidden = false;
    renderMe();
    document.querySelectorAll('.lead-only').forEach((n) => { n.hidden = me.role !== 'lead'; });
    document.body.classList.toggle('is-lead', me.role === 'lead');
    loadQueue(); connect();
  }
  const renderMe = () => { if (state.me) $('me').textContent = state.me.name + (state.me.role === 'lead' ? t('lead_suffix') : ''); };
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const err = $('login-error'); err.hidden = true;
    try {
      const me = await api('POST', '/coordinator/login', { name: $('login-name').value.trim(), password: $('login-password').value });
      $('login-password').value = '';
      start(me);
    } catch (ex) {
      err.textContent = ex.status === 401 ? t('login_failed') : ex.status === 429 ? t('login_locked') : ex.message;
      err.hidden = false;
    }
  });
  $('logout').addEventListener('click', () => { api('POST', '/coordinator/logout').catch(() => {}).then(showLogin); });

  // ---- live updates (SSE) --------------------------------------------------------------------
  function setLive(on) { const live = $('live'); live.dataset.t = on ? 'live_on' : 'live_off'; live.textContent = t(live.dataset.t); live.className = on ? 'live on' : 'live off'; }
  function connect() {
    if (state.es) state.es.close();
    const es = new EventSource('/api/v1/escalations/stream');
    state.es = es;
    $('live').hidden = false;
    es.onopen = () => { setLive(true); loadQueue(); if (state.current) openCase(state.current, true); };
    es.onerror = () => {
      setLive(false);
      // The browser retries by itself unless the server refused the stream (e.g. the session ended).
      if (es.readyState === 2 && state.es === es) api('GET', '/coordinator/session').then(() => setTimeout(connect, 3000)).catch(() => {});
    };
    es.addEventListener('escalation', (ev) => {
      const item = JSON.parse(ev.data);
      const isNew = !state.items.has(item.id) && item.status === 'open';
      if (item.status === 'resolved') { state.items.delete(item.id); state.resolved.unshift(item); } else state.items.set(item.id, item);
      renderQueue();
      if (isNew && isUrgent(item)) alertUrgent();
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

  // ---- urgent-case alerts (opt-in: a short tone and the count in the title bar) ---------------
  const isUrgent = (i) => typeof i.urgency === 'number' && i.urgency < URGENT_BELOW;
  function updateTitle() {
    const urgent = [...state.items.values()].filter((i) => i.status === 'open' && isUrgent(i)).length;
    document.title = (state.alerts && state.me && urgent ? '(' + urgent + ') ' : '') + t('app_title');
  }
  function alertUrgent() {
    updateTitle();
    if (!state.alerts || !state.audio) return;
    const ctx = state.audio;
    const osc = ctx.createOscillator(); const gain = ctx.createGain();
    osc.frequency.value = 880; gain.gain.setValueAtTime(0.15, ctx.currentTime); gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
    osc.connect(gain); gain.connect(ctx.destination); osc.start(); osc.stop(ctx.currentTime + 0.4);
    document.body.dataset.tones = String(Number(document.body.dataset.tones || 0) + 1); // tones played (the browser test reads it)
  }
  // After a reload the setting is remembered, but sound needs a gesture again: the first click.
  document.addEventListener('click', () => { if (state.alerts && !state.audio && window.AudioContext) state.audio = new AudioContext(); });
  $('ui-alerts').addEventListener('change', (e) => {
    state.alerts = e.target.checked; store.set('alerts', state.alerts ? 'on' : 'off');
    // The click is the user gesture browsers require before a page may play sound.
    if (state.alerts && !state.audio && window.AudioContext) state.audio = new AudioContext();
    updateTitle();
  });

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
  // The server orders the queue (most urgent, then longest waiting); live additions keep that order.
  const byUrgency = (a, b) => (a.urgency ?? 4) - (b.urgency ?? 4) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  function visibleItems() {
    if (state.filter === 'resolved') return state.resolved;
    const all = [...state.items.values()].sort(byUrgency);
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
      const urgent = isUrgent(i) && i.status !== 'resolved';
      const li = el('li', { className: 'item ' + i.status + (urgent ? ' urgent' : '') + (i.id === state.current ? ' selected' : ''), 'data-id': i.id, tabIndex: 0 }, [
        el('div', { className: 'row' }, [
          el('span', { className: 'badge lang', text: i.lang }),
          urgent ? el('span', { className: 'badge urgent-badge', text: t('urgent') }) : null,
          el('span', { className: 'reason', text: reasonsText(i.reasons) }),
          el('span', { className: 'wait', text: i.resolvedAt ? t('closed_at', { time: time(i.resolvedAt) }) : '' }),
        ]),
        el('div', { className: 'question', text: i.question }),
        i.claimedBy ? el('div', { className: 'holder', text: t('with_holder', { name: i.claimedBy }) }) : null,
      ]);
      li.addEventListener('click', () => openCase(i.id));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') openCase(i.id); });
      list.appendChild(li);
    });
    updateTitle();
    tick();
  }
  // Waiting time and SLA colour: amber past half the SLA, red past it (limits.yaml coordination.claimSlaMinutes, 5 minutes).
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
    if (state.detail && state.detail.status !== 'resolved') $('case-waiting').textContent = t('waiting_for', { time: duration((state.detail.claimedAt ? Date.parse(state.detail.claimedAt) : now()) - Date.parse(state.detail.createdAt)) });
  }
  setInterval(tick, 1000);
  document.querySelectorAll('.filters button').forEach((b) => b.addEventListener('click', () => {
    state.filter = b.dataset.filter;
    document.querySelectorAll('.filters button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
    if (state.filter === 'resolved') loadQueue(); else renderQueue();
  }));

  // ---- one case ------------------------------------------------------------------------------
  /** A long case shows its newest messages; "earlier messages" fetches the page before the first shown. */
  function showEarlier(id, before) {
    const b = $('transcript-earlier');
    b.hidden = !before;
    b.onclick = !before ? null : async () => {
      try {
        const d = await api('GET', '/escalations/' + encodeURIComponent(id) + '?before=' + encodeURIComponent(before));
        const tr = $('transcript');
        const first = tr.firstChild;
        d.transcript.forEach((m) => {
          if (m.id && tr.querySelector('[data-id="' + m.id + '"]')) return;
          const li = el('li', { className: 'msg ' + m.from, 'data-from': m.from }, [el('span', { className: 'who', text: t('who_' + m.from) + ' · ' + time(m.at) }), el('span', { className: 'text', text: m.text })]);
          if (m.id) li.setAttribute('data-id', String(m.id));
          tr.insertBefore(li, first);
        });
        showEarlier(d.id, d.transcriptEarlierBefore);
      } catch (e) { fail(e); }
    };
  }

  function addLine(list, m) {
    if (m.id && list.querySelector('[data-id="' + m.id + '"]')) return;
    const li = el('li', { className: 'msg ' + m.from, 'data-from': m.from }, [
      el('span', { className: 'who', text: t('who_' + m.from) + ' · ' + time(m.at) }),
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
    $('case-status').textContent = t('status_' + d.status);
    $('case-status').className = 'badge status ' + d.status;
    $('case-channel').textContent = t('channel_' + d.channel);
    $('case-reasons').textContent = reasonsText(d.reasons);
    $('case-holder').textContent = d.claimedBy ? t('held_by', { name: d.claimedBy }) : '';
    $('case-waiting').textContent = '';
    const mine = d.status === 'claimed' && d.claimedBy === state.me.name;
    $('claim').hidden = d.status !== 'open';
    $('takeover').hidden = !(state.me.role === 'lead' && d.status === 'claimed' && !mine);
    ['reply-form', 'note-form', 'transfer-form', 'resolve-form'].forEach((f) => { $(f).querySelectorAll('textarea, input, select, button').forEach((n) => { n.disabled = !mine; }); });
    const tr = clear($('transcript'));
    d.transcript.forEach((m) => addLine(tr, m));
    showEarlier(d.id, d.transcriptEarlierBefore);
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
  $('claim').addEventListener('click', () => caseAction('/claim', undefined, () => toast(t('toast_claimed'))));
  $('takeover').addEventListener('click', () => caseAction('/takeover', undefined, () => toast(t('toast_takeover'))));
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
    caseAction('/transfer', body, () => toast(t('toast_transferred')));
  });
  $('resolve-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { category: $('resolve-category').value, summary: $('resolve-summary').value.trim(), promote: $('resolve-promote').checked };
    if (!body.summary) return;
    caseAction('/resolve', body, (r) => toast(t(r.draft ? 'toast_resolved_draft' : 'toast_resolved')));
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
  /** After a change of language or time zone: everything drawn from data is drawn again. */
  function rerender() {
    if (!state.me) return;
    renderMe();
    if ($('live').dataset.t) setLive($('live').dataset.t === 'live_on');
    renderQueue();
    if (state.detail) renderCase(state.detail, true);
    if (state.view === 'casebook') { searchCasebook(); if (state.caseId && !$('casebook-detail').hidden) openCaseEntry(state.caseId); }
    if (state.view === 'stats') loadStats();
    if (state.view === 'drafts' && state.draft && !$('draft-editor').hidden) { $('draft-title').textContent = t('draft_from_case', { id: state.draft.caseId }); buildLangFieldsets(formEntry()); }
  }

  async function searchCasebook() {
    const params = new URLSearchParams();
    if ($('casebook-q').value.trim()) params.set('q', $('casebook-q').value.trim());
    if ($('casebook-category').value) params.set('category', $('casebook-category').value);
    try {
      const r = await api('GET', '/casebook?' + params.toString());
      const list = clear($('casebook-list'));
      if (!r.items.length) list.appendChild(el('li', { className: 'muted', text: t('cases_empty') }));
      r.items.forEach((c) => {
        const li = el('li', { className: 'item', 'data-id': c.id, tabIndex: 0 }, [
          el('div', { className: 'row' }, [el('span', { className: 'badge lang', text: c.lang }), el('span', { className: 'reason', text: t('category_' + c.category) }), el('span', { className: 'wait', text: dateTime(c.resolvedAt) })]),
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
      $('cb-title').textContent = t('category_' + c.category) + (c.department ? ' → ' + t('dept_' + c.department) : '');
      $('cb-meta').textContent = [LANG_NAMES[c.lang] || c.lang, c.coordinator, dateTime(c.resolvedAt), t('cb_waited', { time: duration(c.waitingMs) }), t('cb_handled', { time: duration(c.handlingMs) }), reasonsText(c.reasons)].join(' · ');
      $('cb-question').textContent = c.question;
      $('cb-summary').textContent = c.summary;
      const tr = clear($('cb-transcript'));
      c.transcript.forEach((m) => addLine(tr, m));
      $('cb-promote').disabled = !!c.draftId;
      $('cb-promote').dataset.t = c.draftId ? 'cb_promoted' : 'cb_promote';
      $('cb-promote').textContent = t($('cb-promote').dataset.t);
    } catch (e) { fail(e); }
  }
  $('casebook-search').addEventListener('submit', (e) => { e.preventDefault(); searchCasebook(); });
  $('cb-promote').addEventListener('click', () => api('POST', '/casebook/' + encodeURIComponent(state.caseId) + '/promote').then(() => { toast(t('toast_draft_proposed')); openCaseEntry(state.caseId); }).catch(fail));

  async function loadStats() {
    try {
      const s = await api('GET', '/stats?days=' + encodeURIComponent($('stats-days').value) + '&tz=' + encodeURIComponent(state.tz));
      const min = (ms) => (ms === null ? '—' : duration(ms));
      const dl = clear($('stats-summary'));
      [['sum_conversations', String(s.conversations.total)], ['sum_escalated', String(s.conversations.escalated)], ['sum_deflection', s.deflectionRate === null ? '—' : Math.round(s.deflectionRate * 100) + ' %'], ['sum_median_claim', min(s.medianTimeToClaimMs)], ['sum_median_resolve', min(s.medianTimeToResolveMs)]]
        .forEach(([k, v]) => { dl.appendChild(el('dt', { text: t(k) })); dl.appendChild(el('dd', { text: v })); });
      const rows = (id, data) => { const tb = clear($(id).querySelector('tbody')); data.forEach((cells) => tb.appendChild(el('tr', {}, cells.map((c) => el('td', { text: String(c) }))))); };
      rows('stats-days-table', s.escalationsPerDay.map((d) => [d.day, d.count]));
      rows('stats-reasons', s.escalationsPerReason.map((r) => [t('reason_' + r.reason), r.count]));
      rows('stats-top', s.topUnanswered.map((q) => [q.question, LANG_NAMES[q.lang] || q.lang, q.count]));
      api('GET', '/stats/logins?days=' + encodeURIComponent($('stats-days').value)).then((l) => {
        rows('stats-logins', l.items.map((x) => [x.name, x.failedLogins, x.clients, x.lockedClients, dateTime(x.lastFailureAt)]));
        $('stats-logins').hidden = l.items.length === 0;
        $('stats-logins-none').hidden = l.items.length > 0;
      }).catch(fail);
      const due = s.reviewsDue || [];
      rows('stats-reviews', due.map((r) => [r.id || r.file, r.reviewed, r.dueBy]));
      $('stats-reviews').hidden = due.length === 0;
      $('stats-reviews-none').hidden = due.length > 0;
    } catch (e) { fail(e); }
  }
  $('stats-form').addEventListener('submit', (e) => { e.preventDefault(); loadStats(); });

  // ---- knowledge-base drafts: a form over the entry (the same JSON the API validates) ----------
  const LANGS = ['zh', 'en', 'ru'];
  const TODO = '<<TODO>>';
  const isTodo = (v) => typeof v === 'string' && v.includes(TODO);
  /** A field's value, or '' for a TODO (the coordinator's summary, when the TODO carries it, as the placeholder). */
  function setField(node, value) {
    const summary = isTodo(value) && value.includes('summary:') ? value.slice(value.indexOf('summary:') + 8).trim() : '';
    if (isTodo(value)) { node.value = ''; node.placeholder = summary ? t('resolve_summary') + ': ' + summary : ''; } else { node.value = value == null ? '' : value; node.placeholder = ''; }
  }
  const FIELD_LABELS = { id: 'draft_id', topic: 'draft_topic', direction: 'draft_direction', title: 'draft_title', lead: 'draft_lead', details: 'draft_details', phrasings: 'draft_phrasings', keywords: 'draft_keywords', tags: 'draft_tags', sources: 'draft_sources', effective: 'draft_effective' };
  /** "answer.zh.lead" → "直接回答 · 中文 zh": the form's own label, not the JSON path. */
  function fieldLabel(path) {
    const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
    const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
    const name = parts.filter((p) => own(FIELD_LABELS, p)).map((p) => FIELD_LABELS[p]).pop();
    const lang = parts.find((p) => own(LANG_NAMES, p));
    return name ? t(name).replace(/\s*[（(].*$/, '') + (lang ? ' · ' + LANG_NAMES[lang] : '') : path;
  }
  const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
  const listValue = (list, sep) => (Array.isArray(list) ? list.filter((v) => !isTodo(v)).join(sep) : '');
  const listHint = () => '';

  async function loadDrafts() {
    try {
      if (!state.formOptions) state.formOptions = await api('GET', '/drafts/form');
      const r = await api('GET', '/drafts?status=open');
      const list = clear($('drafts-list'));
      if (!r.items.length) list.appendChild(el('li', { className: 'muted', text: t('drafts_empty') }));
      r.items.forEach((d) => {
        const li = el('li', { className: 'item', tabIndex: 0, 'data-id': d.id }, [el('div', { className: 'row' }, [el('span', { className: 'reason', text: (d.entry && !isTodo(d.entry.id) && d.entry.id) || d.id }), el('span', { className: 'wait', text: t('draft_by', { name: d.createdBy }) })])]);
        li.addEventListener('click', () => openDraft(d.id));
        list.appendChild(li);
      });
    } catch (e) { fail(e); }
  }
  function fillOptions() {
    const o = state.formOptions;
    const topic = clear($('df-topic'));
    topic.appendChild(el('option', { value: '', text: '—' }));
    o.topics.forEach((v) => topic.appendChild(el('option', { value: v, text: v })));
    const tags = clear($('df-tags'));
    o.tags.forEach((v) => tags.appendChild(el('option', { value: v, text: v })));
    const sources = clear($('df-sources'));
    o.sources.forEach((s) => sources.appendChild(el('option', { value: s.id, text: s.short[state.lang] + ' (' + s.id + ')', title: s.url })));
  }
  function buildLangFieldsets(entry) {
    const box = clear($('df-langs'));
    LANGS.forEach((l) => {
      const fs = $('df-lang-template').content.firstElementChild.cloneNode(true);
      fs.dataset.lang = l;
      fs.querySelector('legend').textContent = LANG_NAMES[l];
      fs.querySelectorAll('[data-t]').forEach((n) => { n.textContent = t(n.dataset.t); });
      const answer = (entry.answer && entry.answer[l]) || {};
      const bind = (cls, field, value, hint) => {
        const node = fs.querySelector('.' + cls);
        node.id = 'df-' + l + '-' + cls.slice(3); node.dataset.field = field;
        node.previousElementSibling.htmlFor = node.id;
        setField(node, value);
        if (hint) node.placeholder = hint;
      };
      bind('df-title', 'title.' + l, entry.title && entry.title[l]);
      bind('df-lead', 'answer.' + l + '.lead', answer.lead);
      bind('df-details', 'answer.' + l + '.details', listValue(answer.details, '\n'), listHint(answer.details));
      bind('df-phrasings', 'phrasings.' + l, listValue(entry.phrasings && entry.phrasings[l], '\n'), listHint(entry.phrasings && entry.phrasings[l]));
      bind('df-keywords', 'keywords.' + l, listValue(entry.keywords && entry.keywords[l], ', '), listHint(entry.keywords && entry.keywords[l]));
      box.appendChild(fs);
    });
  }
  function showDraftForm(entry) {
    fillOptions();
    setField($('df-id'), entry.id);
    $('df-topic').value = isTodo(entry.topic) ? '' : entry.topic || '';
    $('df-direction').value = entry.direction || 'inbound';
    $('df-effective').value = entry.effective || '';
    $('df-unsure').checked = !!entry.unsure;
    const chosen = (select, values) => Array.from(select.options).forEach((o) => { o.selected = values.includes(o.value); });
    chosen($('df-tags'), Array.isArray(entry.tags) ? entry.tags : []);
    chosen($('df-sources'), Array.isArray(entry.sources) ? entry.sources.map((s) => s && s.source) : []);
    buildLangFieldsets(entry);
  }
  /** The entry as the form says it; fields the form does not show (variants, requires…) are kept. */
  function formEntry() {
    const base = (state.draft && state.draft.entry) || {};
    const picked = (select) => Array.from(select.selectedOptions).map((o) => o.value);
    const entry = { ...base, schemaVersion: 1, id: $('df-id').value.trim(), topic: $('df-topic').value, direction: $('df-direction').value, title: {}, answer: {}, phrasings: {}, keywords: {} };
    LANGS.forEach((l) => {
      const fs = $('df-langs').querySelector('[data-lang="' + l + '"]');
      const v = (cls) => fs.querySelector('.' + cls).value;
      entry.title[l] = v('df-title').trim();
      entry.answer[l] = { ...((base.answer && base.answer[l]) || {}), lead: v('df-lead').trim(), details: lines(v('df-details')) };
      entry.phrasings[l] = lines(v('df-phrasings'));
      entry.keywords[l] = v('df-keywords').split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean);
    });
    entry.tags = picked($('df-tags'));
    entry.sources = picked($('df-sources')).map((source) => ({ ...(((base.sources || []).find((s) => s && s.source === source)) || {}), source }));
    entry.unsure = $('df-unsure').checked;
    if ($('df-effective').value) entry.effective = $('df-effective').value;
    // one list of facets per detail: kept when it still fits, else the first detail is the key one
    const details = entry.answer.en.details.length;
    if (!Array.isArray(base.facets) || base.facets.length !== details) entry.facets = entry.answer.en.details.map((_, i) => (i === 0 ? ['key'] : entry.tags.slice(0, 1).length ? entry.tags.slice(0, 1) : ['key']));
    return entry;
  }
  function showIssues(issues) {
    const ul = clear($('draft-issues'));
    document.querySelectorAll('#draft-form .invalid').forEach((n) => n.classList.remove('invalid'));
    const seen = new Set();
    issues.forEach((i) => {
      // a placeholder left is said in the interface language; other checks (kb:check rules) as the server words them
      const text = fieldLabel(i.field) + ': ' + (i.message.includes(TODO) ? t('draft_missing') : i.message);
      if (seen.has(text)) return;
      seen.add(text);
      ul.appendChild(el('li', { text }));
      const field = document.querySelector('#draft-form [data-field="' + i.field + '"]') || document.querySelector('#draft-form [data-field="' + i.field.split('.').slice(0, -1).join('.') + '"]') || document.querySelector('#draft-form [data-field="' + i.field.split('.')[0] + '"]');
      if (field) field.classList.add('invalid');
    });
  }
  async function openDraft(id) {
    try {
      const r = await api('GET', '/drafts/' + encodeURIComponent(id));
      state.draft = r.draft;
      $('draft-editor').hidden = false;
      $('draft-title').textContent = t('draft_from_case', { id: r.draft.caseId });
      showDraftForm(r.draft.entry || {});
      showIssues(r.issues);
    } catch (e) { fail(e); }
  }
  const saveDraft = () => api('PUT', '/drafts/' + encodeURIComponent(state.draft.id), formEntry()).then((r) => { state.draft = r.draft; showIssues(r.issues); return r; });
  $('draft-save').addEventListener('click', () => {
    saveDraft().then((r) => toast(r.issues.length ? t('draft_saved_issues', { n: r.issues.length }) : t('draft_saved_ready'))).catch(fail);
  });
  $('draft-approve').addEventListener('click', () => {
    saveDraft()
      .then(() => api('POST', '/drafts/' + encodeURIComponent(state.draft.id) + '/approve'))
      .then((r) => { toast(t('draft_published', { file: r.file })); $('draft-editor').hidden = true; loadDrafts(); })
      .catch(fail);
  });
  $('draft-reject').addEventListener('click', () => api('POST', '/drafts/' + encodeURIComponent(state.draft.id) + '/reject').then(() => { $('draft-editor').hidden = true; loadDrafts(); }).catch(fail));

  // ---- boot: texts first, so the first thing a coordinator sees is in their language -----------
  $('ui-lang').addEventListener('change', (e) => setLang(e.target.value));
  $('ui-tz').addEventListener('change', (e) => { state.tz = e.target.value; store.set('tz', state.tz); rerender(); });
  $('ui-alerts').checked = state.alerts;
  fillZones();
  fetch('/console/texts.json', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((texts) => { state.texts = texts; })
    .catch(() => { /* without the texts the page keeps its built-in English */ })
    .then(() => {
      applyTexts();
      return fetch('/api/v1/coordinator/session', { credentials: 'same-origin' });
    })
    .then((r) => (r.ok ? r.json().then(start) : showLogin()))
    .catch(showLogin);
})();
