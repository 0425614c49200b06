import { api, compact } from './api.js';
import { paragraphs, when } from './text.js';
import { actionButton, oneAtATime, showLoadFailure, el, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);
const community = new URLSearchParams(location.search).get('community');
let t = (key) => key;
let locale = 'en';
let library = [];
const SCALE = ['totally_disagree', 'disagree', 'neither_agree_nor_disagree', 'agree', 'totally_agree'];

function fail(error) {
  $('status').textContent = t('community.failed', { reason: error.message });
}


function button(label, action) {
  return actionButton(label, action, { secondary: true, redraw: render, failed: fail });
}

function percent(value) {
  return `${Number(value).toFixed(1)}%`;
}

async function renderOpenings(canSee) {
  $('chart-box').hidden = true;
  if (!canSee) {
    $('openings').replaceChildren(el('li', t('reflection.membersOnly'), 'empty'));
    return;
  }
  const rows = await api('GET', `/api/v1/prompt-schedules/dialogue?community=${encodeURIComponent(community)}`);
  if (rows.length === 0) {
    $('openings').replaceChildren(el('li', t('reflection.noneOpened'), 'empty'));
    return;
  }
  $('openings').replaceChildren(...rows.slice().reverse().map((row) => {
    const item = el('li');
    const link = el('a', row.title);
    link.href = `/prompt?thread=${encodeURIComponent(row.threadId)}`;
    item.append(link, ' ', el('span', t(row.open ? 'reflection.isOpen' : 'reflection.isClosed'), 'tag'));
    if (row.answeredByMe) item.append(' ', el('span', t('reflection.youAnswered'), 'tag'));
    if (row.asksEvidence) item.append(' ', el('span', t('reflection.evidenceAsked'), 'tag'));
    item.append(el('p', t('reflection.numbers', {
      date: row.date, rate: percent(row.responseRate), respondents: row.respondents, members: row.members,
      dialogue: percent(row.dialogueShare), words: row.medianWords,
    }), 'meta'));
    return item;
  }));
  $('chart').src = `/api/v1/prompt-schedules/dialogue/chart.svg?community=${encodeURIComponent(community)}&n=${rows.length}`;
  $('chart').alt = rows.map((r) => `${r.date}: ${percent(r.responseRate)} / ${percent(r.dialogueShare)}`).join('; ');
  $('chart-box').hidden = false;
}

async function renderWritten(manages) {
  const written = await api('GET', `/api/v1/prompts/written?community=${encodeURIComponent(community)}`);
  if (!manages) return written;
  const others = (await api('GET', '/api/v1/communities')).map((d) => d.community).filter((c) => c.id !== community);
  $('written').replaceChildren(...(written.length === 0 ? [el('li', t('reflection.noneWritten'), 'empty')]
    : written.map((p) => {
      const item = el('li');
      item.append(el('strong', p.title), el('p', p.text));
      const from = p.communityId === community ? t('reflection.writtenHere') : t('reflection.sharedBy', { name: p.communityName });
      item.append(el('p', `${from}${p.sharedWithAll ? ` · ${t('reflection.sharedWithAll')}` : ''}`, 'meta'));
      if (p.sharedWith) {
        const target = el('select');
        target.setAttribute('aria-label', t('reflection.shareWith'));
        target.append(...others.filter((c) => !p.sharedWith.includes(c.id)).map((c) => new Option(c.name, c.id)));
        const actions = el('p', undefined, 'actions');
        actions.append(target,
          button(t('reflection.share'), () => api('POST', `/api/v1/prompts/written/${p.id}/shares`, { communityIds: [target.value] })));
        if (!p.sharedWithAll) {
          actions.append(button(t('reflection.shareAll'), () => api('POST', `/api/v1/prompts/written/${p.id}/shares`, { all: true })));
        }
        item.append(actions);
      }
      return item;
    })));
  return written;
}

function answerForm(survey, round) {
  const form = el('form', undefined, 'stack');
  survey.items.forEach((statement, i) => {
    const set = el('fieldset');
    set.append(el('legend', `${i + 1}. ${statement}`));
    SCALE.forEach((point, p) => {
      const id = `a-${round.id}-${i}-${p}`;
      const radio = el('input');
      radio.type = 'radio';
      radio.name = `item-${i}`;
      radio.value = String(p + 1);
      radio.id = id;
      const label = el('label', t(`scale.${point}`));
      label.htmlFor = id;
      set.append(radio, label, ' ');
    });
    form.append(set);
  });
  const send = el('button', t('reflection.send'));
  send.type = 'submit';
  form.append(el('p', t('reflection.anonymous'), 'meta'), send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const agreements = survey.items.map((_, i) => {
      const checked = form.querySelector(`input[name="item-${i}"]:checked`);
      return checked ? Number(checked.value) : null;
    });
    try {
      await api('POST', `/api/v1/surveys/${survey.id}/rounds/${round.id}/answers`, { agreements });
      $('status').textContent = t('reflection.thanks');
      await render();
    } catch (error) {
      fail(error);
    }
  });
  return form;
}

async function reportView(survey, round) {
  const report = await api('GET', `/api/v1/surveys/${survey.id}/rounds/${round.id}/report`);
  const box = el('div', undefined, 'report');
  if (!report.shown) {
    box.append(el('p', t('reflection.tooFew', { min: report.minRespondents }), 'empty'));
    return box;
  }
  box.append(el('p', t('reflection.respondents', { count: report.respondents }), 'meta'));
  const table = el('table');
  const head = el('tr');
  [t('reflection.statement'), ...SCALE.map((p) => t(`scale.${p}`)), t('reflection.positive'), t('reflection.answered'), t('reflection.change')]
    .forEach((h) => head.append(el('th', h)));
  table.append(head);
  for (const item of report.items) {
    const row = el('tr');
    row.append(el('td', `${item.position}. ${item.text}`));
    item.counts.forEach((count, p) => row.append(el('td', item.percents[p] == null ? '–' : `${count} (${item.percents[p].toFixed(1)}%)`)));
    row.append(el('td', item.positivePercent == null ? '–' : `${item.positivePercent.toFixed(1)}%`));
    row.append(el('td', `${item.answered} / ${item.answered + item.skipped}`));
    row.append(el('td', item.change == null ? '' : `${item.change > 0 ? '+' : ''}${item.change.toFixed(1)}`));
    table.append(row);
  }
  box.append(table);
  const csv = el('a', t('reflection.csv'));
  csv.href = `/api/v1/surveys/${survey.id}/rounds/${round.id}/report.csv`;
  box.append(el('p')).lastChild.append(csv);
  return box;
}

async function draw() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  locale = hub.me.locale;
  const details = await api('GET', `/api/v1/communities/${encodeURIComponent(community)}`);
  const manages = hub.me.role === 'admin' || (details.mine?.status === 'active' && details.mine?.role === 'facilitator');
  const member = details.mine?.status === 'active';
  $('heading').textContent = t('reflection.of', { name: details.community.name });
  $('community-link').textContent = details.community.name;
  $('community-link').href = `/community?id=${encodeURIComponent(community)}`;
  $('community-link').hidden = false;
  $('schedule-box').hidden = !manages;
  $('survey-box').hidden = !manages;

  const schedules = await api('GET', `/api/v1/prompt-schedules?community=${encodeURIComponent(community)}`);
  $('schedules').replaceChildren(...(schedules.length === 0 ? [el('li', t('reflection.noPrompts'), 'empty')]
    : schedules.map((s) => {
      const item = el('li');
      item.append(el('strong', s.title));
      if (s.stoppedAt) item.append(' ', el('span', t('reflection.stopped'), 'tag'));
      item.append(el('p', t('reflection.next', {
        repeat: t(`reflection.repeat.${s.repeat}`), when: s.nextOpeningAt ? when(s.nextOpeningAt, locale) : '–', opened: s.opened,
      }), 'meta'));
      if (manages && !s.stoppedAt && s.nextOpeningAt) {
        item.append(button(t('reflection.stop'), () => api('POST', `/api/v1/prompt-schedules/${s.id}/stop`)));
      }
      return item;
    })));
  $('write-box').hidden = !manages;
  await renderOpenings(member || manages);
  if (manages) {
    const builtIn = await api('GET', `/api/v1/prompts?lang=${encodeURIComponent(hub.me.locale)}`);
    const written = await renderWritten(manages);
    library = [...builtIn.map((p) => ({ ...p, asksEvidence: false })), ...written];
    const group = (label, from, to) => {
      const g = document.createElement('optgroup');
      g.label = label;
      for (let i = from; i < to; i += 1) g.append(new Option(library[i].title, String(i)));
      return g;
    };
    $('p-library').replaceChildren(new Option('—', ''), group(t('reflection.builtIn'), 0, builtIn.length),
      group(t('reflection.writtenGroup'), builtIn.length, library.length));
  }

  const surveys = await api('GET', `/api/v1/surveys?community=${encodeURIComponent(community)}`);
  const blocks = [];
  for (const survey of surveys) {
    const block = el('article', undefined, 'survey');
    block.append(el('h3', survey.title));
    if (survey.rounds.length === 0) block.append(el('p', t('reflection.noRounds'), 'meta'));
    for (const round of survey.rounds) {
      block.append(el('p', t('reflection.round', { from: when(round.opensAt, locale), to: when(round.closesAt, locale) }), 'meta'));
      if (round.open && member && !round.answeredByMe) block.append(answerForm(survey, round));
      if (round.answeredByMe) block.append(el('p', t('reflection.answeredByMe'), 'meta'));
      block.append(await reportView(survey, round));
    }
    if (manages) {
      block.append(button(t('reflection.openRound'), () => {
        const now = new Date();
        const closes = new Date(now.getTime() + 14 * 86400000);
        return api('POST', `/api/v1/surveys/${survey.id}/rounds`, { opensAt: now.toISOString(), closesAt: closes.toISOString() });
      }));
    }
    blocks.push(block);
  }
  $('surveys').replaceChildren(...blocks);
}

const render = oneAtATime(draw);

$('p-library').addEventListener('change', () => {
  const picked = library[Number($('p-library').value)];
  if (picked) {
    $('p-title').value = picked.title;
    $('p-body').value = picked.text;
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
      body: paragraphs($('p-body').value),
      repeat: $('p-repeat').value,
      firstDate: $('p-date').value || null,
      localTime: $('p-time').value,
      openDays: $('p-days').value ? Number($('p-days').value) : null,
      asksEvidence: $('p-evidence').checked,
      openNow: now,
    }));
    $('schedule').reset();
    $('status').textContent = t(now ? 'reflection.openedNow' : 'reflection.scheduled');
    await render();
  } catch (error) {
    fail(error);
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
      text: $('w-text').value,
      asksEvidence: $('w-evidence').checked,
    }));
    $('write').reset();
    $('status').textContent = t('reflection.writtenSaved');
    await render();
  } catch (error) {
    fail(error);
  }
});

$('new-survey').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api('POST', '/api/v1/surveys', { communityId: community, template: $('s-template').value });
    await render();
  } catch (error) {
    fail(error);
  }
});

render().catch(showLoadFailure);
