import { api, compact } from './api.js';
import { actionButton, confirmAction, oneAtATime, showLoadFailure, showStatus, el, sanitisedHtml, signedIn } from './ui.js';
import { messageBox } from './message-box.js';
import { evidenceLine, withoutEvidence } from './evidence.js';

const $ = (id) => document.getElementById(id);
const thread = new URLSearchParams(location.search).get('thread');
let t = (key) => key;
let editing = null; // the journal entry being rewritten, if any
let asksEvidence = false;
let bank = null;
let answerBox = null; // the answer's editor, made once the page knows its language and community

// Who wrote and when: the date in the reader's words, the exact time on hover.
function byline(name, iso) {
  const p = el('p', undefined, 'small text-body-secondary mb-1');
  if (name) p.append(el('span', name, 'fw-semibold text-body'), ' · ');
  const time = el('time', t.date(iso));
  time.dateTime = iso;
  p.append(time);
  return p;
}

function journalItem(entry) {
  const item = el('li', undefined, 'list-group-item');
  item.append(byline(null, entry.writtenAt), sanitisedHtml(entry.body), ...evidenceLine(t, entry.evidence));
  const status = $('journal-status');
  const failed = (error) => showStatus(status, t.error(error), { error: true });
  const actions = el('div', undefined, 'd-flex flex-wrap gap-2 mt-2');
  actions.append(
    actionButton(t('prompt.shareEntry'), async () => {
      if (asksEvidence && !entry.evidence) throw Object.assign(new Error('evidence'), { local: true });
      await api('POST', `/api/v1/reflections/${entry.id}/share`);
    }, {
      redraw: async () => { await render(); showStatus($('status'), t('prompt.sharedNow')); },
      failed: (error) => (error.local ? showStatus(status, t('prompt.evidenceBeforeSharing'), { error: true }) : failed(error)),
    }),
    actionButton(t('prompt.editEntry'), async () => {
      editing = entry;
      answerBox.setHtml(entry.body);
      $('a-link').value = entry.evidence?.link || '';
      $('a-resource').value = entry.evidence?.resourceId || '';
      $('a-where').hidden = true;
      $('a-cancel').hidden = false;
      $('answer-heading').textContent = t('prompt.editing');
      $('answer-box').scrollIntoView?.({ block: 'start' });
      answerBox.focus();
    }, { secondary: true, redraw: async () => {}, failed }),
    actionButton(t('prompt.deleteEntry'), async () => {
      const sure = await confirmAction(t, {
        title: t('prompt.deleteTitle'), body: t('prompt.deleteConfirm'), confirm: t('prompt.deleteEntry'),
      });
      if (sure) await api('DELETE', `/api/v1/reflections/${entry.id}`);
    }, { danger: true, redraw: render, failed }),
  );
  item.append(actions);
  return item;
}

function answerItem(answer) {
  const item = el('li', undefined, 'list-group-item');
  item.append(byline(answer.authorName, answer.writtenAt), withoutEvidence(sanitisedHtml(answer.body), answer.evidence),
    ...evidenceLine(t, answer.evidence));
  if (answer.replies.length > 0) {
    const replies = el('details', undefined, 'mt-2');
    replies.open = true;
    replies.append(el('summary', t('prompt.replies', { count: answer.replies.length }), 'small text-primary'));
    const list = el('ol', undefined, 'list-unstyled border-start border-3 ps-3 mt-2 mb-0');
    list.append(...answer.replies.map((r) => {
      const reply = el('li', undefined, 'mb-2');
      reply.append(byline(r.authorName, r.writtenAt), sanitisedHtml(r.body));
      return reply;
    }));
    replies.append(list);
    item.append(replies);
  }
  return item;
}

function respondentItem(r) {
  const item = el('li', undefined, 'list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2');
  item.append(el('span', r.name, 'text-break'),
    el('span', t(r.answered ? 'prompt.hasAnswered' : 'prompt.notYet'), `badge rounded-pill ${r.answered ? 'text-bg-success' : 'text-bg-light border'}`));
  return item;
}

async function draw() {
  const { t: strings } = await signedIn();
  t = strings;
  const page = await api('GET', `/api/v1/prompt-openings/${encodeURIComponent(thread)}`);
  // The bank's resources (for the evidence) are asked for now and drawn last: the page draws the
  // rest while they come.
  if (page.canAnswer && bank === null) {
    bank = api('GET', `/api/v1/resources?sort=newest&community=${encodeURIComponent(page.communityId)}`);
  }
  asksEvidence = page.asksEvidence;
  document.title = `${page.title} · ${t('app.name')}`;
  $('title').textContent = page.title;
  $('prompt').replaceChildren(sanitisedHtml(page.prompt));
  const meta = [el('span', page.communityName), el('span', t.day(page.date))];
  if (page.open) {
    meta.push(el('span', page.closesAt ? t('prompt.closes', { when: t.date(page.closesAt) }) : t('reflection.isOpen'), 'badge text-bg-success'));
  } else {
    meta.push(el('span', t('reflection.isClosed'), 'badge text-bg-secondary'));
  }
  if (page.asksEvidence) meta.push(el('span', t('reflection.evidenceAsked'), 'badge text-bg-warning'));
  $('prompt-meta').replaceChildren(...meta);
  $('community-link').textContent = page.communityName;
  $('community-link').href = `/community?id=${encodeURIComponent(page.communityId)}`;
  $('reflection-link').href = `/reflection?community=${encodeURIComponent(page.communityId)}`;
  $('thread-link').href = `/thread?id=${encodeURIComponent(thread)}`;
  $('a-evidence-legend').textContent = t(page.asksEvidence ? 'prompt.evidenceAsked' : 'prompt.evidence');
  $('answer-box').hidden = !page.canAnswer;
  if (page.canAnswer && !answerBox) answerBox = messageBox($('a-body'), t, { mentions: page.communityId });
  $('journal-box').hidden = page.journal.length === 0;
  $('journal').replaceChildren(...page.journal.map(journalItem));
  $('answers-count').textContent = t('prompt.answerCount', { count: page.answers.length });
  $('answers').replaceChildren(...(page.answers.length === 0
    ? [el('li', t('prompt.noAnswers'), 'list-group-item text-body-secondary')]
    : page.answers.map(answerItem)));
  $('respondents-box').hidden = !page.respondents;
  if (page.respondents) $('respondents').replaceChildren(...page.respondents.map(respondentItem));
  if ($('a-resource').options.length === 0) {
    const resources = page.canAnswer ? (await bank).results : [];
    $('a-resource').replaceChildren(new Option('—', ''),
      ...resources.map((found) => new Option(found.resource.title, found.resource.id)));
  }
}

const render = oneAtATime(draw);

function stopEditing() {
  editing = null;
  $('answer').reset();
  answerBox?.clear();
  $('a-where').hidden = false;
  $('a-cancel').hidden = true;
  $('answer-heading').textContent = t('prompt.answer');
}

$('a-cancel').addEventListener('click', stopEditing);

$('answer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('answer-status');
  const link = $('a-link').value.trim();
  const resourceId = $('a-resource').value;
  const evidence = link ? { link } : (resourceId ? { resourceId } : null);
  const shared = !editing && $('a-shared').checked;
  if (answerBox.empty()) {
    showStatus(status, t('editor.empty'), { error: true });
    answerBox.focus();
    return;
  }
  if (shared && asksEvidence && !evidence) {
    showStatus(status, t('prompt.evidenceNeeded'), { error: true });
    $('a-resource').focus();
    return;
  }
  try {
    const body = answerBox.html();
    if (editing) {
      await api('PUT', `/api/v1/reflections/${editing.id}`, compact({ body, evidence }));
    } else {
      await api('POST', '/api/v1/reflections', compact({ threadId: thread, body, shared, evidence }));
    }
    stopEditing();
    await render();
    showStatus(status, t(shared ? 'prompt.thanksShared' : 'prompt.thanksJournal'));
  } catch (error) {
    showStatus(status, t.error(error), { error: true });
  }
});

render().catch((error) => showLoadFailure(error, t.lang ? t : undefined));
