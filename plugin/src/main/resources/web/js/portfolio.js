import { api } from './api.js';
import { showLoadFailure, el, sanitisedHtml, signedIn } from './ui.js';
import { evidenceLine, withoutEvidence } from './evidence.js';

const $ = (id) => document.getElementById(id);
let t = (key) => key;

function entry(reflection) {
  const article = el('article', undefined, 'card mb-3 portfolio-entry');
  const body = el('div', undefined, 'card-body');
  const title = el('h3', undefined, 'h5 card-title text-break');
  const link = el('a', reflection.promptTitle, 'text-decoration-none');
  link.href = `/prompt?thread=${encodeURIComponent(reflection.threadId)}`;
  title.append(link);
  const prompt = sanitisedHtml(reflection.prompt);
  prompt.classList.add('fst-italic', 'text-body-secondary', 'small');
  const facts = el('p', undefined, 'd-flex flex-wrap align-items-center gap-2 small text-body-secondary mb-2');
  const time = el('time', t.date(reflection.writtenAt));
  time.dateTime = reflection.writtenAt;
  facts.append(time, el('span', reflection.shared ? t('portfolio.shared') : t('portfolio.private'),
    `badge ${reflection.shared ? 'text-bg-success' : 'text-bg-light border'}`));
  if (reflection.replies > 0) facts.append(el('span', t('portfolio.replies', { count: reflection.replies })));
  body.append(title, prompt, facts, withoutEvidence(sanitisedHtml(reflection.body), reflection.evidence),
    ...evidenceLine(t, reflection.evidence));
  article.append(body);
  return article;
}

async function render() {
  const { t: strings } = await signedIn();
  t = strings;
  const portfolio = await api('GET', '/api/v1/me/reflections');
  $('who').textContent = t('portfolio.who', { name: portfolio.name ?? '', when: t.date(portfolio.generatedAt) });
  $('who').append(' · ', t('portfolio.count', { count: portfolio.reflections.length }));
  if (portfolio.reflections.length === 0) {
    $('reflections').replaceChildren(el('p', t('portfolio.none'), 'alert alert-info'));
    return;
  }
  const byCommunity = new Map();
  for (const r of portfolio.reflections) {
    if (!byCommunity.has(r.communityName)) byCommunity.set(r.communityName, []);
    byCommunity.get(r.communityName).push(r);
  }
  const sections = [];
  for (const [name, reflections] of byCommunity) {
    const section = el('section', undefined, 'mb-4');
    section.append(el('h2', name, 'h4 text-break'), ...reflections.map(entry));
    sections.push(section);
  }
  $('reflections').replaceChildren(...sections);
}

$('print').addEventListener('click', () => window.print());

render().catch((error) => showLoadFailure(error, t.lang ? t : undefined));
