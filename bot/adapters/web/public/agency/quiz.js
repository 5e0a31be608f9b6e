// Training quiz (issue 11): GET /api/v1/quiz, one question at a time, score at the end.
// ?lang=zh|en|ru&seed=N&count=N; every text is written with textContent.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const lang = ['zh', 'en', 'ru'].includes(params.get('lang')) ? params.get('lang') : 'en';
  const $ = (id) => document.getElementById(id);
  let texts = {};
  let questions = [];
  let at = 0;
  let right = 0;
  const fill = (template, slots) => template.replace(/\{(\w+)\}/g, (m, k) => (k in slots ? String(slots[k]) : m));

  function show() {
    const q = questions[at];
    $('progress').textContent = fill(texts.quiz_question_of, { n: at + 1, total: questions.length });
    $('question').textContent = q.text;
    $('choices').replaceChildren(...q.choices.map((c, i) => {
      const b = document.createElement('button');
      b.type = 'button'; b.textContent = c; b.dataset.index = String(i);
      b.addEventListener('click', () => choose(i));
      return b;
    }));
    for (const id of ['feedback', 'explanation', 'source']) $(id).textContent = '';
    $('next').hidden = true;
  }

  function choose(i) {
    const q = questions[at];
    for (const b of $('choices').children) b.disabled = true;
    if (i === q.answer) right++;
    $('feedback').textContent = i === q.answer ? texts.quiz_right : fill(texts.quiz_wrong, { answer: q.choices[q.answer] });
    $('explanation').textContent = q.explanation;
    $('source').textContent = fill(texts.quiz_source, { source: q.citation.source });
    if (at + 1 < questions.length) $('next').hidden = false;
    else finish();
  }

  function finish() {
    $('score').textContent = fill(texts.quiz_score, { right, total: questions.length });
    $('score').hidden = false;
    $('again').hidden = false;
    document.body.dataset.done = 'true';
  }

  const query = new URLSearchParams({ lang, count: params.get('count') || '10' });
  if (params.get('seed')) query.set('seed', params.get('seed'));
  Promise.all([fetch('/api/v1/agency/texts?lang=' + lang).then((r) => r.json()), fetch('/api/v1/quiz?' + query).then((r) => r.json())]).then(([t, quiz]) => {
    texts = t.texts;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = texts[el.dataset.t] || el.textContent;
    document.title = texts.page_quiz;
    questions = quiz.questions || [];
    $('next').addEventListener('click', () => { at++; show(); });
    $('again').addEventListener('click', () => { location.search = '?lang=' + lang; });
    if (questions.length) show();
  });
})();
