import { api, compact } from './api.js';
import { actionButton, oneAtATime, showLoadFailure, el, sanitisedHtml, signedIn } from './ui.js';
import { paragraphs, when } from './text.js';

const $ = (id) => document.getElementById(id);
const thread = new URLSearchParams(location.search).get('thread');
let t = (key) => key;
let locale = 'en';
let editing = null; // the journal entry being rewritten, if any
let asksEvidence = false;

function fail(error) {
  $('status').textContent = t('community.failed', { reason: error.message });
}



function evidenceItem(evidence) {
  if (!evidence) return [];
  const p = el('p', `${t('prompt.evidenceShown')} `, 'meta');
  const a = el('a', evidence.link || evidence.resourceTitle);
  a.href = evidence.link || `/resource?id=${encodeURIComponent(evidence.resourceId)}`;
  if (evidence.link) a.rel = 'nofollow noopener';
  p.append(a);
  return [p];
}

function journalItem(entry) {
  const item = el('li', undefined, 'post');
  item.append(el('p', when(entry.writtenAt, locale), 'meta'), sanitisedHtml(entry.body), ...evidenceItem(entry.evidence));
  const actions = el('p', undefined, 'actions');
  actions.append(
    actionButton(t('prompt.shareEntry'), () => api('POST', `/api/v1/reflections/${entry.id}/share`), {
      redraw: async () => { $('status').textContent = t('prompt.sharedNow'); await render(); }, failed: fail,
    }),
    actionButton(t('prompt.editEntry'), async () => {
      editing = entry;
      $('a-body').value = entry.body.replace(/<br>/g, '\n').replace(/<\/p><p>/g, '\n\n').replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      $('a-link').value = entry.evidence?.link || '';
      $('a-resource').value = entry.evidence?.resourceId || '';
      $('a-where').hidden = true;
      $('a-cancel').hidden = false;
      $('a-body').focus();
    }, { secondary: true, redraw: async () => {}, failed: fail }),
    actionButton(t('prompt.deleteEntry'), async () => {
      if (window.confirm(t('prompt.deleteConfirm'))) await api('DELETE', `/api/v1/reflections/${entry.id}`);
    }, { secondary: true, redraw: render, failed: fail }),
  );
  item.append(actions);
  return item;
}

function answerItem(answer) {
  const item = el('li', undefined, 'post');
  item.append(el('p', `${answer.authorName} · ${when(answer.writtenAt, locale)}`, 'meta'), sanitisedHtml(answer.body),
    ...evidenceItem(answer.evidence));
  if (answer.replies.length > 0) {
    const replies = el('ol', undefined, 'posts');
    replies.append(...answer.replies.map((r) => {
      const reply = el('li', undefined, 'post');
      reply.append(el('p', `${r.authorName} · ${when(r.writtenAt, locale)}`, 'meta'), sanitisedHtml(r.body));
      return reply;
    }));
    item.append(replies);
  }
  return item;
}

let bank = null;

async function draw() {
  const { hub, t: strings } = await signedIn();
  const page = await api('GET', `/api/v1/prompt-openings/${encodeURIComponent(thread)}`);
  if (page.canAnswer && bank === null) {
    bank = api('GET', `/api/v1/resources?sort=newest&community=${encodeURIComponent(page.communityId)}`);
  }
  const resources = page.canAnswer ? (await bank).results : [];
  t = strings;
  locale = hub.me.locale;
  asksEvidence = page.asksEvidence;
  document.title = `${page.title} · CoP Connector`;
  $('title').textContent = page.title;
  $('prompt').replaceChildren(sanitisedHtml(page.prompt));
  const state = page.open
    ? (page.closesAt ? t('prompt.closes', { when: when(page.closesAt, locale) }) : t('reflection.isOpen'))
    : t('reflection.isClosed');
  $('prompt-meta').textContent = `${page.communityName} · ${page.date} · ${state}${page.asksEvidence ? ` · ${t('reflection.evidenceAsked')}` : ''}`;
  $('reflection-link').href = `/reflection?community=${encodeURIComponent(page.communityId)}`;
  $('thread-link').href = `/thread?id=${encodeURIComponent(thread)}`;
  $('a-evidence-legend').textContent = t(page.asksEvidence ? 'prompt.evidenceAsked' : 'prompt.evidence');
  $('answer-box').hidden = !page.canAnswer;
  if ($('a-resource').options.length === 0) {
    $('a-resource').replaceChildren(new Option('—', ''),
      ...resources.map((found) => new Option(found.resource.title, found.resource.id)));
  }
  $('journal-box').hidden = page.journal.length === 0;
  $('journal').replaceChildren(...page.journal.map(journalItem));
  $('answers').replaceChildren(...(page.answers.length === 0 ? [el('li', t('prompt.noAnswers'), 'empty')]
    : page.answers.map(answerItem)));
  $('respondents-box').hidden = !page.respondents;
  if (page.respondents) {
    $('respondents').replaceChildren(...page.respondents.map((r) => {
      const item = el('li');
      item.append(el('span', r.name, 'who'), el('span', t(r.answered ? 'prompt.hasAnswered' : 'prompt.notYet'), 'tag'));
      return item;
    }));
  }
}

const render = oneAtATime(draw);

function stopEditing() {
  editing = null;
  $('answer').reset();
  $('a-where').hidden = false;
  $('a-cancel').hidden = true;
}

$('a-cancel').addEventListener('click', stopEditing);

$('answer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const link = $('a-link').value.trim();
  const resourceId = $('a-resource').value;
  const evidence = link ? { link } : (resourceId ? { resourceId } : null);
  const shared = !editing && $('a-shared').checked;
  if (shared && asksEvidence && !evidence) {
    $('status').textContent = t('prompt.evidenceNeeded');
    $('a-resource').focus();
    return;
  }
  try {
    const body = paragraphs($('a-body').value);
    if (editing) {
      await api('PUT', `/api/v1/reflections/${editing.id}`, compact({ body, evidence }));
    } else {
      await api('POST', '/api/v1/reflections', compact({ threadId: thread, body, shared, evidence }));
    }
    $('status').textContent = t(shared ? 'prompt.thanksShared' : 'prompt.thanksJournal');
    stopEditing();
    await render();
  } catch (error) {
    fail(error);
  }
});

render().catch(showLoadFailure);
