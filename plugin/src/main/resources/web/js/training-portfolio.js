import { api } from './api.js';
import { el, sanitisedHtml, showLoadFailure, signedIn } from './ui.js';
import { mention, sessionFacts } from './training-format.js';

// A trainee's portfolio in one training action: what they answered after each session, their
// final reflection and grade. The trainee reads their own; the action's trainers anyone's.

const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(location.search);
const actionId = query.get('id');
const userId = query.get('user');
let t = (key) => key;

function answer(a, own) {
  const box = el('div', undefined, 'border-start border-3 ps-3');
  const facts = el('p', undefined, 'd-flex flex-wrap align-items-center gap-2 small text-body-secondary mb-1');
  const time = el('time', t.date(a.writtenAt));
  time.dateTime = a.writtenAt;
  facts.append(time, el('span', a.shared ? t('portfolio.shared') : t(own ? 'portfolio.private' : 'training.portfolio.privateOther'),
    `badge ${a.shared ? 'text-bg-success' : 'text-bg-light border'}`));
  box.append(facts);
  box.append(a.body == null
    ? el('p', t('training.portfolio.privateEntry'), 'small fst-italic mb-0')
    : sanitisedHtml(a.body));
  return box;
}

// Why a session has no answer yet, and for the trainee the way to write one.
function nothingYet(part, own) {
  if (!part.ended) return el('p', t('training.portfolio.afterSession'), 'small text-body-secondary mb-0');
  if (!part.threadId) return el('p', t('training.dashboard.promptSoon'), 'small text-body-secondary mb-0');
  const line = el('p', t('training.portfolio.notYet'), 'small fw-semibold mb-0');
  if (own) {
    const link = el('a', t('training.portfolio.answer'), 'btn btn-sm btn-primary ms-2 no-print');
    link.href = `/prompt?thread=${encodeURIComponent(part.threadId)}`;
    line.append(link);
  }
  return line;
}

function sessionPart(part, own) {
  const item = el('li', undefined, 'card');
  const body = el('div', undefined, 'card-body d-flex flex-column gap-2');
  const heading = el('h3', t('training.sessionNumber', { number: part.number }), 'h6 card-title mb-0');
  body.append(heading, el('p', sessionFacts(t, part.session), 'small text-body-secondary mb-0'));
  if (part.answers.length === 0) body.append(nothingYet(part, own));
  else body.append(...part.answers.map((a) => answer(a, own)));
  if (part.threadId && part.answers.length > 0) {
    const link = el('a', t('training.portfolio.openPrompt'), 'small no-print');
    link.href = `/prompt?thread=${encodeURIComponent(part.threadId)}`;
    body.append(link);
  }
  item.append(body);
  return item;
}

function grade(g) {
  if (!g) return t('training.record.notGraded');
  const value = new Intl.NumberFormat(t.locale, { minimumFractionDigits: g.decimals, maximumFractionDigits: g.decimals }).format(Number(g.grade));
  return t('training.record.gradeLine', { grade: value, mention: mention(t, g.mention) });
}

async function render() {
  const { t: strings } = await signedIn();
  t = strings;
  const p = await api('GET', `/api/v1/training-actions/${encodeURIComponent(actionId)}/portfolios/${encodeURIComponent(userId)}`);
  const title = p.own ? t('training.portfolio.mine') : t('training.portfolio.of', { name: p.name });
  document.title = `${title} · ${t('app.name')}`;
  $('title').textContent = title;
  // The trainer's page names the trainee in its title already.
  $('who').textContent = p.own ? t('training.portfolio.who', { name: p.name, action: p.actionTitle }) : p.actionTitle;
  $('action-link').textContent = p.actionTitle;
  $('action-link').href = `/training-action?id=${encodeURIComponent(p.actionId)}`;
  $('sessions-help').textContent = t(p.own ? 'training.portfolio.helpOwn' : 'training.portfolio.helpTrainer');
  $('sessions').replaceChildren(...(p.sessions.length === 0
    ? [el('li', t('training.noSessions'), 'text-body-secondary')]
    : p.sessions.map((part) => sessionPart(part, p.own))));
  const final = p.finalReflection;
  if (final.submitted) {
    const when = el('p', t('training.portfolio.handedIn', { when: t.date(final.submittedAt) }), 'small text-body-secondary mb-1');
    $('final').replaceChildren(when, sanitisedHtml(final.body));
  } else {
    $('final').replaceChildren(el('p', t('training.portfolio.finalMissing'), 'mb-0'));
  }
  $('grade').textContent = grade(p.grade);
}

$('print').addEventListener('click', () => window.print());

render().catch((error) => showLoadFailure(error, t.error ? t : undefined));
