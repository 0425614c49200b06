// The reflection page's self-assessment surveys: each survey's rounds, the answer form, the
// aggregate report with a chart per statement, and the facilitator's controls.
import { api } from './api.js';
import { actionButton, el, showStatus } from './ui.js';

const SCALE = ['totally_disagree', 'disagree', 'neither_agree_nor_disagree', 'agree', 'totally_agree'];
const DAY = 86400000;

// Words that may be built in: by their bundle key when the reader's language has it, else as sent.
export function builtIn(t, key, text) {
  return key && t.has(key) ? t(key) : text;
}

// A survey's statements as {key, text}: the server sends them as `statements` (with keys) or as
// plain `items`.
function statementsOf(survey) {
  if (Array.isArray(survey.statements)) return survey.statements;
  return survey.items.map((item) => (typeof item === 'string' ? { key: null, text: item } : item));
}

function percent(t, value, options = {}) {
  if (value == null) return '–';
  return new Intl.NumberFormat(t.locale, {
    style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, ...options,
  }).format(value / 100);
}

function points(t, value) {
  return new Intl.NumberFormat(t.locale, {
    minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero',
  }).format(value);
}

// Why opening a round failed; a round still open (or one it would overlap) says until when.
function roundFailure(t, error) {
  const reason = error.reason ?? error.code;
  if ((reason === 'round_already_open' || reason === 'round_overlaps') && error.details?.closesAt) {
    return t(`error.${reason}`, { opensAt: t.day(error.details.opensAt), closesAt: t.day(error.details.closesAt) });
  }
  return t.error(error);
}

function answerForm(t, survey, round, redraw) {
  const form = el('form', undefined, 'vstack gap-3 my-3');
  const statements = statementsOf(survey);
  statements.forEach((statement, i) => {
    const set = el('fieldset', undefined, 'border rounded px-3 pt-2 pb-3');
    set.append(el('legend', `${i + 1}. ${builtIn(t, statement.key, statement.text)}`, 'fs-6 fw-semibold mb-2'));
    const choices = el('div', undefined, 'd-flex flex-column flex-md-row flex-md-wrap column-gap-4 row-gap-1');
    SCALE.forEach((point, p) => {
      const id = `a-${round.id}-${i}-${p}`;
      const check = el('div', undefined, 'form-check mb-0');
      const radio = el('input', undefined, 'form-check-input');
      radio.type = 'radio';
      radio.name = `item-${i}`;
      radio.value = String(p + 1);
      radio.id = id;
      const label = el('label', t(`scale.${point}`), 'form-check-label');
      label.htmlFor = id;
      check.append(radio, label);
      choices.append(check);
    });
    set.append(choices);
    form.append(set);
  });
  const send = el('button', t('reflection.send'), 'btn btn-primary');
  send.type = 'submit';
  const status = el('p', undefined, 'mb-0');
  status.setAttribute('role', 'status');
  status.hidden = true;
  const actions = el('div');
  actions.append(send, status);
  form.append(el('p', t('reflection.anonymous'), 'small text-body-secondary mb-0'), actions);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const agreements = statements.map((_, i) => {
      const checked = form.querySelector(`input[name="item-${i}"]:checked`);
      return checked ? Number(checked.value) : null;
    });
    send.disabled = true;
    try {
      await api('POST', `/api/v1/surveys/${survey.id}/rounds/${round.id}/answers`, { agreements });
      await redraw();
      const note = document.getElementById(`survey-${survey.id}-status`);
      if (note) showStatus(note, t('reflection.thanks'));
    } catch (error) {
      send.disabled = false;
      showStatus(status, t.error(error), { error: true });
    }
  });
  return form;
}

function chartOf(t, survey, round, item) {
  const img = el('img', undefined, 'img-fluid d-block my-2');
  img.src = `/api/v1/surveys/${survey.id}/rounds/${round.id}/items/${item.position}/chart.svg`;
  img.loading = 'lazy';
  img.alt = t.list(SCALE.map((point, p) => t('reflection.chartPoint', {
    point: t(`scale.${point}`), count: item.counts[p], percent: percent(t, item.percents[p]),
  })));
  return img;
}

function reportTable(t, report, texts) {
  // On a phone the table scrolls sideways: keyboard users reach it with Tab and scroll with arrows.
  const wrap = el('div', undefined, 'table-responsive');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', t('reflection.tableCaption'));
  const table = el('table', undefined, 'table table-sm table-bordered align-top small mb-2');
  const caption = el('caption', t('reflection.tableCaption'));
  const head = el('thead');
  const headRow = el('tr');
  [t('reflection.statement'), ...SCALE.map((p) => t(`scale.${p}`)), t('reflection.positive'), t('reflection.answered'), t('reflection.change')]
    .forEach((h) => {
      const th = el('th', h);
      th.scope = 'col';
      headRow.append(th);
    });
  head.append(headRow);
  const body = el('tbody');
  report.items.forEach((item, i) => {
    const row = el('tr');
    const th = el('th', `${item.position}. ${texts[i]}`, 'fw-normal');
    th.scope = 'row';
    row.append(th);
    item.counts.forEach((count, p) => row.append(el('td', item.percents[p] == null ? '–'
      : `${t.number(count)} (${percent(t, item.percents[p])})`, 'text-nowrap')));
    row.append(el('td', percent(t, item.positivePercent), 'text-nowrap'));
    row.append(el('td', t('reflection.answeredOfTotal', { answered: item.answered, count: item.answered + item.skipped }), 'text-nowrap'));
    row.append(el('td', item.change == null ? '–' : points(t, item.change), 'text-nowrap'));
    body.append(row);
  });
  table.append(caption, head, body);
  wrap.append(table);
  return wrap;
}

async function reportView(t, survey, round, reports) {
  // Read with the community's other reports when the list came with them.
  const report = reports?.get(round.id)
    ?? await api('GET', `/api/v1/surveys/${survey.id}/rounds/${round.id}/report`);
  const box = el('div', undefined, 'mt-3');
  box.append(el('h4', t('reflection.results'), 'h6 fw-bold mb-1'));
  if (!report.shown) {
    box.append(el('p', t('reflection.tooFew', { min: report.minRespondents }), 'alert alert-info py-2 mb-0'));
    return box;
  }
  box.append(el('p', t('reflection.respondents', { count: report.respondents }), 'mb-2'));
  const texts = report.items.map((item) => builtIn(t, item.key, item.text));
  const list = el('ul', undefined, 'list-group mb-3');
  report.items.forEach((item, i) => {
    const entry = el('li', undefined, 'list-group-item');
    entry.append(el('p', `${item.position}. ${texts[i]}`, 'fw-semibold mb-1'), chartOf(t, survey, round, item));
    const facts = [
      t('reflection.positiveShare', { percent: percent(t, item.positivePercent) }),
      t('reflection.answeredOfTotal', { answered: item.answered, count: item.answered + item.skipped }),
    ];
    if (item.change != null) facts.push(t('reflection.changePoints', { change: points(t, item.change) }));
    entry.append(el('p', facts.join(' · '), 'small text-body-secondary mb-0'));
    list.append(entry);
  });
  const numbers = el('details', undefined, 'mb-2');
  numbers.append(el('summary', t('reflection.table'), 'text-primary'), reportTable(t, report, texts));
  const csv = el('a', t('reflection.csv'), 'btn btn-sm btn-outline-primary');
  csv.href = `/api/v1/surveys/${survey.id}/rounds/${round.id}/report.csv`;
  csv.setAttribute('download', '');
  const download = el('p', undefined, 'mb-0');
  download.append(csv);
  box.append(list, numbers, download);
  return box;
}

function roundState(t, round) {
  if (round.open) return el('span', t('reflection.isOpen'), 'badge text-bg-success');
  if (new Date(round.opensAt).getTime() > Date.now()) return el('span', t('reflection.upcoming'), 'badge text-bg-info');
  return el('span', t('reflection.isClosed'), 'badge text-bg-secondary');
}

async function roundView(t, survey, round, member, redraw, reports) {
  const box = el('div', undefined, 'border-top pt-2 mt-2');
  const line = el('p', undefined, 'd-flex flex-wrap align-items-center gap-2 mb-1');
  line.append(el('span', t('reflection.round', { from: t.day(round.opensAt), to: t.day(round.closesAt) })), roundState(t, round));
  box.append(line);
  if (round.open && member && !round.answeredByMe) box.append(answerForm(t, survey, round, redraw));
  if (round.answeredByMe) box.append(el('p', t('reflection.answeredByMe'), 'text-success mb-1'));
  box.append(await reportView(t, survey, round, reports));
  return box;
}

function roundForm(t, survey, redraw) {
  const form = el('form', undefined, 'row g-2 align-items-end mt-2 pt-2 border-top');
  const field = (id, labelText, input, cols) => {
    const col = el('div', undefined, cols);
    const label = el('label', labelText, 'form-label mb-1');
    label.htmlFor = id;
    input.id = id;
    col.append(label, input);
    form.append(col);
    return input;
  };
  const closes = el('input', undefined, 'form-control');
  closes.type = 'date';
  closes.required = true;
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  closes.value = day(Date.now() + 14 * DAY);
  closes.min = day(Date.now() + DAY);
  field(`r-closes-${survey.id}`, t('reflection.closesOn'), closes, 'col-12 col-sm-auto');
  const minimum = el('input', undefined, 'form-control');
  minimum.type = 'number';
  minimum.min = '2';
  minimum.max = '1000';
  minimum.value = '3';
  minimum.required = true;
  field(`r-min-${survey.id}`, t('reflection.minRespondents'), minimum, 'col-12 col-sm-auto');
  const col = el('div', undefined, 'col-12 col-sm-auto');
  const open = el('button', t('reflection.openRound'), 'btn btn-primary');
  open.type = 'submit';
  col.append(open);
  const status = el('p', undefined, 'col-12 mb-0');
  status.setAttribute('role', 'status');
  status.hidden = true;
  form.append(col, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    open.disabled = true;
    try {
      await api('POST', `/api/v1/surveys/${survey.id}/rounds`, {
        opensAt: new Date().toISOString(),
        closesAt: new Date(`${closes.value}T23:59`).toISOString(),
        minRespondents: Number(minimum.value),
      });
      await redraw();
    } catch (error) {
      open.disabled = false;
      showStatus(status, roundFailure(t, error), { error: true });
    }
  });
  return form;
}

async function surveyCard(t, survey, { member, manages, redraw, reports }) {
  const card = el('article', undefined, 'card mb-3 survey-card');
  card.id = `survey-${survey.id}`;
  const body = el('div', undefined, 'card-body');
  body.append(el('h3', survey.title, 'h5 card-title text-break'),
    el('p', t('reflection.statements', { count: statementsOf(survey).length }), 'small text-body-secondary mb-1'));
  const rounds = survey.rounds.slice().sort((a, b) => new Date(b.opensAt) - new Date(a.opensAt));
  if (rounds.length === 0) body.append(el('p', t('reflection.noRounds'), 'text-body-secondary mb-1'));
  // Every round's report is asked for at once; they are drawn newest first.
  const views = await Promise.all(rounds.map((round) => roundView(t, survey, round, member, redraw, reports)));
  if (views.length > 0) body.append(views[0]);
  if (views.length > 1) {
    const earlier = el('details', undefined, 'mt-2');
    earlier.append(el('summary', t('reflection.earlierRounds', { count: rounds.length - 1 }), 'text-primary'));
    earlier.append(...views.slice(1));
    body.append(earlier);
  }
  const pending = rounds.some((r) => r.open || new Date(r.opensAt).getTime() > Date.now());
  if (manages && !pending) body.append(roundForm(t, survey, redraw));
  const status = el('p', undefined, 'mt-2 mb-0');
  status.id = `survey-${survey.id}-status`;
  status.setAttribute('role', 'status');
  status.hidden = true;
  body.append(status);
  card.append(body);
  return card;
}

// The community's surveys as cards, newest first.
export async function surveyCards(t, community, options) {
  const of = encodeURIComponent(community);
  // The surveys and every round's report together: one wait, not one per round.
  const [surveys, all] = await Promise.all([
    api('GET', `/api/v1/surveys?community=${of}`),
    api('GET', `/api/v1/surveys/reports?community=${of}`),
  ]);
  if (surveys.length === 0) return [el('p', t('reflection.noSurveys'), 'text-body-secondary')];
  const reports = new Map(all.map((report) => [report.roundId, report]));
  return Promise.all(surveys.slice().reverse().map((survey) => surveyCard(t, survey, { ...options, reports })));
}

// The facilitator's form that starts a survey.
export function startSurveyForm(t, community, redraw) {
  const form = document.getElementById('new-survey');
  const status = document.getElementById('survey-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const items = document.getElementById('s-items').value.split('\n').map((s) => s.trim()).filter((s) => s);
    const title = document.getElementById('s-title').value.trim();
    try {
      await api('POST', '/api/v1/surveys', {
        communityId: community,
        template: document.getElementById('s-template').value,
        ...(title ? { title } : {}),
        ...(items.length ? { items } : {}),
      });
      form.reset();
      await redraw();
      showStatus(status, t('reflection.surveyStarted'));
    } catch (error) {
      showStatus(status, t.error(error), { error: true });
    }
  });
}
