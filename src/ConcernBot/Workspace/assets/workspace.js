// The leads' workspace tab. Signs in through Teams (teams-js: theme, locale, single sign-on token), or with the local
// sign-in in Development; then reads /workspace/api. Every text from the server is put in with textContent, never as HTML.
'use strict';
(() => {
  const main = document.getElementById('main');
  let words = JSON.parse(main.dataset.words);
  let language = document.documentElement.lang;
  let authorization = null;

  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    children.flat(Infinity).filter((c) => c !== null && c !== undefined).forEach((c) => node.append(c));
    return node;
  };

  const show = (...nodes) => {
    // Lists (the dashboard's report sections) are flattened: an array appended as it is would show as "[object ...]".
    main.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined));
  };

  const message = (text) => show(el('h1', { text: words.PageTitle }), el('p', { role: 'alert', class: 'message', text }));

  const api = async (path, options = {}) => {
    const separator = path.includes('?') ? '&' : '?';
    const response = await fetch(`/workspace/api${path}${separator}lang=${encodeURIComponent(language)}`, {
      ...options,
      headers: { Authorization: authorization, 'Content-Type': 'application/json', ...(options.headers || {}) },
    });
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    return { status: response.status, body };
  };

  const facts = (list) => el('dl', { class: 'facts' }, list.map((f) => [el('dt', { text: f.label }), el('dd', { text: f.value })]));

  const clocks = (list) => el('ul', { class: 'clocks' }, list.map((c) => el('li', { class: c.overdue ? 'clock overdue' : (c.met ? 'clock met' : 'clock') },
    el('span', { class: 'clock-name', text: c.label + ': ' }),
    el('span', { text: c.shown }),
    c.overdue ? el('strong', { class: 'badge', text: ' ' + words.Overdue }) : null)));

  // The case list.
  const list = async () => {
    const search = sessionStorage.getItem('concernbot.search') || '';
    const mine = sessionStorage.getItem('concernbot.mine') === 'true';
    const overdue = sessionStorage.getItem('concernbot.overdue') === 'true';
    const query = `?q=${encodeURIComponent(search)}${mine ? '&mine=true' : ''}${overdue ? '&overdue=true' : ''}`;
    const { status, body } = await api('/cases' + query);
    if (status !== 200) return message(body?.message || words.ProblemTryAgain);

    const form = el('form', { class: 'filters', role: 'search', onsubmit: (event) => { event.preventDefault(); } },
      el('label', { for: 'search', text: words.SearchLabel }),
      el('input', { id: 'search', type: 'search', value: search, autocomplete: 'off', oninput: (event) => { sessionStorage.setItem('concernbot.search', event.target.value); debounce(list); } }),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'mine', checked: mine, onchange: (event) => { sessionStorage.setItem('concernbot.mine', event.target.checked); list(); } }), ' ' + words.FilterMine),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'overdue', checked: overdue, onchange: (event) => { sessionStorage.setItem('concernbot.overdue', event.target.checked); list(); } }), ' ' + words.FilterOverdue));

    const rows = body.cases.map((c) => el('tr', { class: c.overdue ? 'overdue' : null },
      el('th', { scope: 'row' }, el('a', { href: `#/case/${encodeURIComponent(c.reference)}`, text: c.reference })),
      el('td', { text: c.statusLabel }),
      el('td', { text: c.urgency }),
      el('td', { text: c.harmKinds.join(', ') }),
      el('td', { text: c.service }),
      el('td', { text: c.assignedLead || words.NotAssigned }),
      el('td', {}, clocks(c.clocks))));
    const table = body.cases.length === 0
      ? el('p', { class: 'none', text: words.NoneOpen })
      : el('table', {},
        el('caption', { text: `${words.ListHeading} (${body.cases.length})` + (body.overdue ? ` · ${words.OverdueCount.replace('{0}', body.overdue)}` : '') }),
        el('thead', {}, el('tr', {}, [words.ColReference, words.ColStatus, words.ColUrgency, words.ColHarm, words.ColService, words.ColAssigned, words.ColClocks].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, rows));
    const focused = document.activeElement?.id;
    show(nav('list'), el('h1', { text: words.ListHeading }), el('p', { text: words.ListIntro }), form, el('div', { class: 'table', role: 'region', 'aria-live': 'polite', 'aria-label': words.ListHeading, tabindex: '0' }, table));
    if (focused === 'search') { const input = document.getElementById('search'); input.focus(); input.setSelectionRange(input.value.length, input.value.length); }
  };

  let timer = null;
  const debounce = (fn) => { clearTimeout(timer); timer = setTimeout(fn, 250); };

  // The case page.
  const section = (heading, ...content) => el('section', {}, el('h2', { text: heading }), ...content);
  const lines = (items) => (items.length === 0 ? el('p', { class: 'subtle', text: words.NothingYet }) : el('ul', {}, items.map((t) => el('li', { text: t }))));

  const field = (id, label, control) => el('div', { class: 'field' }, el('label', { for: id, text: label }), control);
  const select = (id, choices, required = true) => el('select', { id, name: id, required }, el('option', { value: '', text: '—' }), choices.map((c) => el('option', { value: c.value, text: c.label })));
  const textarea = (id, required = true) => el('textarea', { id, name: id, rows: '3', required });

  const actionForm = (file, verb, button, ...fields) => el('form', {
    class: 'action',
    'data-verb': verb,
    onsubmit: async (event) => {
      event.preventDefault();
      const data = { verb };
      new FormData(event.target).forEach((value, key) => { if (value !== '') data[key] = value; });
      const { status, body } = await api(`/cases/${encodeURIComponent(file.reference)}/actions`, { method: 'POST', body: JSON.stringify(data), headers: { 'If-Match': file.eTag } });
      if (body && body.reference) return casePage(body);
      return message(body?.message || words.ProblemTryAgain);
    },
  }, ...fields, el('button', { type: 'submit', text: button }));

  const actions = (file) => {
    if (file.closed) return null;
    const forms = [];
    if (file.status === 'Received') forms.push(actionForm(file, 'acknowledge', words.Acknowledge));
    forms.push(actionForm(file, 'assign', words.Assign, field('assignee', words.AssignLabel, select('assignee', file.leads))));
    forms.push(file.canAskReporter
      ? actionForm(file, 'ask', words.Ask, field('question', words.AskLabel, textarea('question')))
      : el('p', { class: 'subtle', text: words.CannotAsk }));
    forms.push(actionForm(file, 'decide', words.Decide,
      field('decision', words.DecisionLabel, select('decision', file.decisionKinds)),
      field('decisionReason', words.DecisionReasonLabel, textarea('decisionReason')),
      field('sharing', words.SharingLabel, select('sharing', file.sharingDecisions)),
      field('sharingReason', words.SharingReasonLabel, textarea('sharingReason'))));
    forms.push(actionForm(file, 'note', words.AddNote, field('note', words.NoteLabel, textarea('note'))));
    forms.push(actionForm(file, 'close', words.Close,
      field('outcomeDesired', words.OutcomeDesiredLabel, select('outcomeDesired', file.outcomesAchieved)),
      field('outcomeRisk', words.OutcomeRiskLabel, select('outcomeRisk', file.riskOutcomes)),
      field('reporterMessage', words.ReporterMessageLabel, textarea('reporterMessage', false))));
    return section(words.ActionsHeading, ...forms);
  };

  const referrals = (file) => {
    const items = file.referrals.map((r) => el('li', { class: 'referral' },
      el('strong', { text: r.made }),
      r.theirReference ? el('div', { text: r.theirReference }) : null,
      r.madeLate ? el('div', { class: 'late', text: r.madeLate }) : null,
      r.clock ? clocks([r.clock]) : null,
      el('div', { class: r.answered ? null : 'subtle', text: r.answer || words.ReferralWaiting }),
      !r.answered && !file.closed
        ? actionForm(file, 'referral-reply', words.RecordResponse,
          el('input', { type: 'hidden', name: 'referralId', value: r.id }),
          field(`response-${r.id}`, words.ReferralResponseLabel.replace('{0}', r.agency), el('textarea', { id: `response-${r.id}`, name: 'response', rows: '3', required: true })))
        : null));
    const form = file.closed ? null : actionForm(file, 'refer', words.Refer,
      field('agency', words.ReferralAgencyLabel, select('agency', file.agencies)),
      field('agencyReference', words.ReferralReferenceLabel, el('input', { id: 'agencyReference', name: 'agencyReference', type: 'text', autocomplete: 'off' })),
      field('referredAt', words.ReferralWhenLabel, el('input', { id: 'referredAt', name: 'referredAt', type: 'datetime-local' })));
    return section(words.ReferralsHeading, items.length ? el('ul', { class: 'referrals' }, items) : el('p', { class: 'subtle', text: words.NothingYet }), form);
  };

  // The concern's photos and documents: each fetched (and so audited) only when the lead asks for it.
  const fetchFile = async (reference, id) => {
    const response = await fetch(`/workspace/api/cases/${encodeURIComponent(reference)}/evidence/${encodeURIComponent(id)}?lang=${encodeURIComponent(language)}`, { headers: { Authorization: authorization } });
    return response.status === 200 ? URL.createObjectURL(await response.blob()) : null;
  };

  const evidence = (file) => {
    const holder = el('div', { class: 'evidence' });
    api(`/cases/${encodeURIComponent(file.reference)}/evidence`).then(({ status, body }) => {
      if (status !== 200) return holder.replaceChildren(el('p', { role: 'alert', class: 'message', text: body?.message || words.ProblemTryAgain }));
      if (body.files.length === 0) return holder.replaceChildren(el('p', { class: 'subtle', text: words.EvidenceNone }));
      return holder.replaceChildren(el('ul', { class: 'evidence-files' }, body.files.map((f) => {
        const item = el('li', { 'data-file': f.id }, el('span', { text: `${f.name} ` }));
        const button = el('button', { type: 'button', text: f.photo ? words.EvidenceShow : words.EvidenceDownload, onclick: async () => {
          const url = await fetchFile(file.reference, f.id);
          if (!url) return item.append(el('p', { role: 'alert', class: 'message', text: words.EvidenceNotFound }));
          if (f.photo) return button.replaceWith(el('img', { src: url, alt: f.name, class: 'evidence-photo' }));
          const link = el('a', { href: url, download: f.name, text: f.name });
          item.append(link);
          return link.click();
        } });
        item.append(button);
        return item;
      })));
    });
    return section(words.EvidenceHeading, holder);
  };

  const casePage = (file) => {
    show(
      el('p', {}, el('a', { href: '#/', text: words.BackToList })),
      el('h1', { text: words.CaseHeading.replace('{0}', file.reference) }),
      file.notice ? el('p', { class: 'notice', role: 'status', text: file.notice }) : null,
      facts(file.summary),
      clocks(file.clocks),
      section(words.ReporterSaidHeading, el('p', { class: 'account', text: file.whatHappened }), facts(file.detail)),
      section(words.OutcomesHeading, facts(file.desiredOutcomes)),
      evidence(file),
      section(words.DecisionsHeading, lines(file.decisions)),
      referrals(file),
      section(words.QuestionsHeading, lines(file.questions)),
      section(words.NotesHeading, lines(file.notes)),
      file.outcome.length ? section(words.OutcomeHeading, facts(file.outcome)) : null,
      actions(file),
      section(words.ChronologyHeading,
        el('p', { class: file.recordIntact ? 'record intact' : 'record altered', role: 'status', text: file.recordCheck }),
        el('ol', { class: 'chronology' }, file.chronology.map((entry) => el('li', {},
          el('time', { datetime: entry.at, text: entry.when }), ' ',
          el('strong', { text: entry.actor }), ' ', entry.action,
          entry.reason ? el('div', { class: 'subtle', text: entry.reason }) : null)))));
    window.scrollTo(0, 0);
    main.focus();
  };

  const openCase = async (reference) => {
    const { status, body } = await api(`/cases/${encodeURIComponent(reference)}`);
    if (status !== 200) return message(body?.message || words.ProblemTryAgain);
    return casePage(body);
  };

  // The effectiveness dashboard: the report's figures, and each chart with its table underneath.
  const nav = (here) => el('nav', { 'aria-label': words.PageTitle, class: 'nav' },
    el('a', { href: '#/', 'aria-current': here === 'list' ? 'page' : null, text: words.CasesLink }), ' · ',
    el('a', { href: '#/dashboard', 'aria-current': here === 'dashboard' ? 'page' : null, text: words.DashboardLink }));

  const palette = () => {
    const style = getComputedStyle(document.body);
    return ['--accent', '--ok', '--alert', '--subtle'].map((v) => style.getPropertyValue(v).trim() || '#4f52b2');
  };

  const chart = (c) => {
    const canvas = el('canvas', { role: 'img', 'aria-label': c.title });
    const table = el('table', { class: 'figures' },
      el('caption', { text: c.title }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: words.TableWhat }), el('th', { scope: 'col', text: words.TableHowMany }))),
      el('tbody', {}, c.labels.map((label, i) => el('tr', {}, el('th', { scope: 'row', text: label }), el('td', { text: c.shown[i] })))));
    const figure = el('figure', { class: 'chart', 'data-chart': c.id }, el('div', { class: 'canvas' }, canvas), table);
    return { figure, draw: () => {
      if (typeof Chart === 'undefined') return;
      const colours = palette();
      const fg = getComputedStyle(document.body).getPropertyValue('--fg').trim();
      // eslint-disable-next-line no-new
      new Chart(canvas, {
        type: c.kind,
        data: { labels: c.labels, datasets: [{ label: c.title, data: c.values, backgroundColor: c.kind === 'doughnut' ? colours : colours[0] }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, color: fg,
          plugins: { legend: { display: c.kind === 'doughnut', labels: { color: fg } }, title: { display: false } },
          scales: c.kind === 'doughnut' ? {} : { x: { ticks: { color: fg } }, y: { beginAtZero: true, ticks: { color: fg, precision: 0 } } } },
      });
    } };
  };

  // Chart.js is loaded the first time the dashboard is opened: the list and a case page do not need it.
  let chartLibrary = null;
  const loadCharts = () => {
    if (typeof Chart !== 'undefined') return Promise.resolve();
    chartLibrary = chartLibrary || new Promise((done) => {
      const script = document.createElement('script');
      script.src = main.dataset.chartLibrary;
      script.onload = done;
      script.onerror = () => { chartLibrary = null; done(); }; // the tables still show every figure
      document.head.append(script);
    });
    return chartLibrary;
  };

  const dashboard = async () => {
    const charted = loadCharts();
    const from = sessionStorage.getItem('concernbot.from') || '';
    const to = sessionStorage.getItem('concernbot.to') || '';
    const { status, body } = await api(`/dashboard?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    if (status !== 200) return message(body?.message || words.ProblemTryAgain);
    const period = el('form', { class: 'filters', onsubmit: (event) => {
      event.preventDefault();
      sessionStorage.setItem('concernbot.from', document.getElementById('from').value);
      sessionStorage.setItem('concernbot.to', document.getElementById('to').value);
      dashboard();
    } },
    el('label', { for: 'from', text: words.PeriodFrom }), el('input', { id: 'from', type: 'date', value: body.from }),
    el('label', { for: 'to', text: words.PeriodTo }), el('input', { id: 'to', type: 'date', value: body.to }),
    el('button', { type: 'submit', text: words.ShowPeriod }),
    // The default is the last whole quarter (as `report`); what has come in since is one press away.
    el('button', { type: 'button', text: words.ThisQuarterSoFar, onclick: () => {
      const today = new Date();
      const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      sessionStorage.setItem('concernbot.from', day(new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1)));
      sessionStorage.setItem('concernbot.to', day(today));
      dashboard();
    } }));
    const charts = body.charts.map(chart);
    show(nav('dashboard'), el('h1', { text: body.period }), el('p', { text: words.DashboardIntro }), period,
      el('div', { class: 'charts' }, charts.map((c) => c.figure)),
      body.sections.map((s) => section(s.heading, facts(s.facts))));
    await charted;
    charts.forEach((c) => c.draw());
  };

  const route = () => {
    if (location.hash === '#/dashboard') return dashboard();
    const match = location.hash.match(/^#\/case\/(.+)$/);
    return match ? openCase(decodeURIComponent(match[1])) : list();
  };

  const loadWords = async (locale) => {
    const response = await fetch(`/workspace/words?lang=${encodeURIComponent(locale)}`);
    const body = await response.json();
    words = body.words;
    language = body.language;
    document.documentElement.lang = body.language;
    document.documentElement.dir = body.direction;
  };

  const signedIn = (text, local) => {
    const line = document.getElementById('signed-in');
    line.replaceChildren(text);
    if (local) line.append(' ', el('a', { href: main.dataset.localSignIn, text: words.SignOutLocal }));
    line.hidden = false;
  };

  const start = async () => {
    const local = sessionStorage.getItem('concernbot.localLead');
    if (local) {
      const lead = JSON.parse(local);
      authorization = `Local ${lead.oid}`;
      signedIn(words.SignedInLocally.replace('{0}', lead.name), true);
      window.addEventListener('hashchange', route);
      return route();
    }

    try {
      await microsoftTeams.app.initialize();
      const context = await microsoftTeams.app.getContext();
      document.body.dataset.theme = context.app.theme || 'default';
      microsoftTeams.app.registerOnThemeChangeHandler((theme) => { document.body.dataset.theme = theme; });
      if (context.app.locale && context.app.locale.toLowerCase() !== language.toLowerCase()) await loadWords(context.app.locale);
      authorization = `Bearer ${await microsoftTeams.authentication.getAuthToken()}`;
      microsoftTeams.app.notifySuccess();
    } catch {
      return message(words.NotInTeams);
    }

    window.addEventListener('hashchange', route);
    return route();
  };

  start();
})();
