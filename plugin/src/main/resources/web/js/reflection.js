import { api, compact, takeEarly } from './api.js';
import { paragraphs } from './text.js';
import { actionButton, confirmAction, oneAtATime, showLoadFailure, showStatus, el, sanitisedHtml, signedIn } from './ui.js';
import { hasDraft, messageBox } from './message-box.js';
import { builtIn, startSurveyForm, surveyCards } from './surveys.js';

const $ = (id) => document.getElementById(id);
const community = new URLSearchParams(location.search).get('community');
let t = (key) => key;
let locale = 'en';
let library = [];
let wired = false;
// The prompts' editors (one per form), started when their form first opens.
const boxes = {};

function percent(value) {
  return new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

function badge(text, kind = 'secondary') {
  return el('span', text, `badge rounded-pill text-bg-${kind}`);
}

// A small button whose failure is shown in the status element given.
function button(label, action, status, options = {}) {
  return actionButton(label, action, {
    secondary: true, ...options, redraw: render, failed: (error) => showStatus(status, t.error(error), { error: true }),
  });
}

function openingItem(row) {
  const item = el('li', undefined, 'list-group-item');
  const top = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2');
  const link = el('a', row.title, 'fw-semibold text-break');
  link.href = `/prompt?thread=${encodeURIComponent(row.threadId)}`;
  top.append(link, badge(t(row.open ? 'reflection.isOpen' : 'reflection.isClosed'), row.open ? 'success' : 'secondary'));
  if (row.answeredByMe) top.append(badge(t('reflection.youAnswered'), 'primary'));
  if (row.asksEvidence) top.append(badge(t('reflection.evidenceAsked'), 'warning'));
  const facts = [
    t.day(row.date),
    t('reflection.answeredOf', { respondents: row.respondents, count: row.members, rate: percent(row.responseRate) }),
    t('reflection.dialogueShare', { share: percent(row.dialogueShare) }),
    t('reflection.medianWords', { count: row.medianWords }),
  ];
  item.append(top, el('p', facts.join(' · '), 'small text-body-secondary mb-0'));
  return item;
}

const chartPath = `/api/v1/prompt-schedules/dialogue/chart.svg?community=${encodeURIComponent(community)}`;
// The chart read with the page's first reads (early.js), for the first draw only: a later one
// reads it again.
let firstChart = takeEarly(chartPath);
firstChart?.catch(() => {}); // a failure shows as the image read alone

// The dialogue chart, as the image's own data when it came with the first reads.
async function chartSource(early) {
  const answer = early ? await early.catch(() => null) : null;
  if (!answer?.ok) return chartPath;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await answer.text())}`;
}

async function renderOpenings(canSee) {
  const early = firstChart;
  firstChart = null;
  $('chart-box').hidden = true;
  if (!canSee) {
    $('openings').replaceChildren(el('li', t('reflection.membersOnly'), 'list-group-item text-body-secondary'));
    return;
  }
  const rows = await api('GET', `/api/v1/prompt-schedules/dialogue?community=${encodeURIComponent(community)}`);
  if (rows.length === 0) {
    $('openings').replaceChildren(el('li', t('reflection.noneOpened'), 'list-group-item text-body-secondary'));
    return;
  }
  $('openings').replaceChildren(...rows.slice().reverse().map(openingItem));
  $('chart').src = await chartSource(early);
  $('chart').alt = t('reflection.chartAlt', {
    rows: t.list(rows.map((r) => t('reflection.chartRow', {
      date: t.day(r.date), rate: percent(r.responseRate), dialogue: percent(r.dialogueShare),
    }))),
  });
  $('chart-box').hidden = false;
}

function scheduleItem(s, manages) {
  const item = el('li', undefined, 'list-group-item');
  const top = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2');
  top.append(el('span', s.title, 'fw-semibold text-break'));
  if (s.stoppedAt) top.append(badge(t('reflection.stopped')));
  if (s.asksEvidence) top.append(badge(t('reflection.evidenceAsked'), 'warning'));
  const facts = [t(`reflection.repeat.${s.repeat}`)];
  if (s.nextOpeningAt && !s.stoppedAt) facts.push(t('reflection.nextOpening', { when: t.date(s.nextOpeningAt) }));
  if (s.stoppedAt) facts.push(t('reflection.stoppedOn', { when: t.date(s.stoppedAt) }));
  facts.push(t('reflection.openedTimes', { count: s.opened }));
  item.append(top, el('p', facts.join(' · '), 'small text-body-secondary mb-1'));
  if (manages && !s.stoppedAt && s.nextOpeningAt) {
    item.append(button(t('reflection.stop'), async () => {
      const sure = await confirmAction(t, {
        title: t('reflection.stopTitle'), body: t('reflection.stopBody', { title: s.title }), confirm: t('reflection.stop'),
      });
      if (sure) await api('POST', `/api/v1/prompt-schedules/${s.id}/stop`);
    }, $('schedules-status'), { danger: true }));
  }
  return item;
}

function writtenItem(p, others) {
  const item = el('li', undefined, 'list-group-item');
  const text = sanitisedHtml(p.text);
  text.classList.add('text-break', 'mb-1');
  item.append(el('p', p.title, 'fw-semibold text-break mb-1'), text);
  const facts = [p.communityId === community ? t('reflection.writtenHere') : t('reflection.sharedBy', { name: p.communityName })];
  facts.push(t(`characteristic.${p.characteristic}`));
  if (p.moment) facts.push(t(`moment.${p.moment}`));
  if (p.sharedWithAll) facts.push(t('reflection.sharedWithAll'));
  if (p.sharedWith?.length) {
    const names = others.filter((c) => p.sharedWith.includes(c.id)).map((c) => c.name);
    if (names.length) facts.push(t('reflection.sharedWithNames', { names: t.list(names) }));
  }
  item.append(el('p', facts.join(' · '), 'small text-body-secondary mb-1'));
  if (p.sharedWith) {
    const status = el('p', undefined, 'small mb-0');
    status.setAttribute('role', 'status');
    status.hidden = true;
    const actions = el('div', undefined, 'd-flex flex-wrap align-items-center gap-2');
    const choices = others.filter((c) => !p.sharedWith.includes(c.id));
    if (choices.length > 0) {
      const target = el('select', undefined, 'form-select form-select-sm w-auto mw-100');
      target.setAttribute('aria-label', t('reflection.shareWith'));
      target.append(...choices.map((c) => new Option(c.name, c.id)));
      actions.append(target, button(t('reflection.share'),
        () => api('POST', `/api/v1/prompts/written/${p.id}/shares`, { communityIds: [target.value] }), status));
    }
    if (!p.sharedWithAll) {
      actions.append(button(t('reflection.shareAll'), () => api('POST', `/api/v1/prompts/written/${p.id}/shares`, { all: true }), status));
    }
    item.append(actions, status);
  }
  return item;
}

async function renderWritten() {
  const [written, communities] = await Promise.all([
    api('GET', `/api/v1/prompts/written?community=${encodeURIComponent(community)}`),
    api('GET', '/api/v1/communities'),
  ]);
  const others = communities.map((d) => d.community).filter((c) => c.id !== community);
  $('written').replaceChildren(...(written.length === 0
    ? [el('li', t('reflection.noneWritten'), 'list-group-item text-body-secondary')]
    : written.map((p) => writtenItem(p, others))));
  return written;
}

// The facilitator's prompts and the built-in ones, asked for together, in the prompt picker.
async function renderLibrary() {
  const [written, prompts] = await Promise.all([
    renderWritten(),
    api('GET', `/api/v1/prompts?lang=${encodeURIComponent(locale)}`),
  ]);
  const builtIns = prompts.map((p) => ({
    title: builtIn(t, p.titleKey, p.title), text: paragraphs(builtIn(t, p.textKey, p.text)), asksEvidence: false,
  }));
  library = [...builtIns, ...written];
  const group = (label, from, to) => {
    const g = document.createElement('optgroup');
    g.label = label;
    for (let i = from; i < to; i += 1) g.append(new Option(library[i].title, String(i)));
    return g;
  };
  const chosen = $('p-library').value;
  $('p-library').replaceChildren(new Option('—', ''), group(t('reflection.builtIn'), 0, builtIns.length),
    group(t('reflection.writtenGroup'), builtIns.length, library.length));
  $('p-library').value = chosen;
}

async function draw() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  locale = t.lang ?? hub.me.locale;
  if (!wired) {
    wired = true;
    startSurveyForm(t, community, render);
  }
  const details = await api('GET', `/api/v1/communities/${encodeURIComponent(community)}`);
  const manages = hub.me.role === 'admin' || (details.mine?.status === 'active' && details.mine?.role === 'facilitator');
  const member = details.mine?.status === 'active';
  document.title = `${t('reflection.of', { name: details.community.name })} · ${t('app.name')}`;
  $('heading').textContent = t('reflection.of', { name: details.community.name });
  $('community-link').textContent = details.community.name;
  $('community-link').href = `/community?id=${encodeURIComponent(community)}`;
  for (const box of ['schedule-box', 'write-box', 'survey-box']) $(box).hidden = !manages;
  if (manages) {
    startEditor('schedule-box', 'p-body');
    startEditor('write-box', 'w-text');
  }

  // A community that takes members by request or invitation shows its reflection to members only.
  const canRead = manages || member || details.community.joining === 'open';
  const openings = renderOpenings(member || manages);
  if (!canRead) {
    $('schedules').replaceChildren(el('li', t('reflection.membersOnly'), 'list-group-item text-body-secondary'));
    $('surveys').replaceChildren(el('p', t('reflection.membersOnly'), 'text-body-secondary'));
    await openings;
    return;
  }
  // The sections ask for their data at once and each draws when its answer comes.
  await Promise.all([
    openings,
    renderSchedules(manages),
    manages ? renderLibrary() : null,
    surveyCards(t, community, { member, manages, redraw: render }).then((cards) => $('surveys').replaceChildren(...cards)),
  ]);
}

async function renderSchedules(manages) {
  const schedules = await api('GET', `/api/v1/prompt-schedules?community=${encodeURIComponent(community)}`);
  $('schedules').replaceChildren(...(schedules.length === 0
    ? [el('li', t('reflection.noPrompts'), 'list-group-item text-body-secondary')]
    : schedules.map((s) => scheduleItem(s, manages))));
}

const render = oneAtATime(draw);

// A prompt is written in the posts' editor, its draft kept in the browser; the editor starts when
// its form opens, or at once when an unsent draft waits.
function startEditor(details, area) {
  if (boxes[area] !== undefined) return;
  const start = () => { boxes[area] ??= messageBox($(area), t); };
  if (hasDraft($(area))) {
    $(details).open = true;
    start();
  } else {
    boxes[area] = null;
    $(details).addEventListener('toggle', start, { once: true });
  }
}

// The prompt's HTML: the editor's, or the textarea's text as paragraphs until the editor is there.
function promptHtml(area) {
  const box = boxes[area];
  if (box) return box.empty() ? '' : box.html();
  return $(area).value.trim() ? paragraphs($(area).value) : '';
}

function clearPrompt(area) {
  boxes[area]?.clear();
}

$('p-library').addEventListener('change', () => {
  const picked = library[Number($('p-library').value)];
  if ($('p-library').value !== '' && picked) {
    $('p-title').value = picked.title;
    if (boxes['p-body']) boxes['p-body'].setHtml(picked.text);
    else $('p-body').value = sanitisedHtml(picked.text).innerText.trim();
    $('p-evidence').checked = picked.asksEvidence;
  }
});

$('schedule').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const now = $('p-now').checked;
    await api('POST', '/api/v1/prompt-schedules', compact({
      communityId: community,
      title: $('p-title').value,
      body: promptHtml('p-body'),
      repeat: $('p-repeat').value,
      firstDate: $('p-date').value || null,
      untilDate: $('p-until').value || null,
      localTime: $('p-time').value,
      openDays: $('p-days').value ? Number($('p-days').value) : null,
      asksEvidence: $('p-evidence').checked,
      openNow: now,
    }));
    $('schedule').reset();
    clearPrompt('p-body');
    await render();
    showStatus($('schedule-status'), t(now ? 'reflection.openedNow' : 'reflection.scheduled'));
  } catch (error) {
    showStatus($('schedule-status'), t.error(error), { error: true });
  }
});

$('write').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api('POST', '/api/v1/prompts/written', compact({
      communityId: community,
      language: locale,
      characteristic: $('w-characteristic').value,
      moment: $('w-moment').value || null,
      title: $('w-title').value,
      text: promptHtml('w-text'),
      asksEvidence: $('w-evidence').checked,
    }));
    $('write').reset();
    clearPrompt('w-text');
    await render();
    showStatus($('write-status'), t('reflection.writtenSaved'));
  } catch (error) {
    showStatus($('write-status'), t.error(error), { error: true });
  }
});

render().catch((error) => showLoadFailure(error, t.lang ? t : undefined));
