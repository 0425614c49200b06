import { api } from './api.js';
import { when } from './text.js';
import { showLoadFailure, el, sanitisedHtml, signedIn } from './ui.js';

const $ = (id) => document.getElementById(id);
let t = (key) => key;



function entry(reflection, locale) {
  const article = el('article', undefined, 'reflection');
  article.append(el('h3', reflection.promptTitle));
  const prompt = sanitisedHtml(reflection.prompt);
  prompt.classList.add('prompt-text');
  article.append(prompt);
  const where = reflection.shared ? t('portfolio.shared') : t('portfolio.private');
  const replies = reflection.replies > 0 ? ` · ${t('portfolio.replies', { count: reflection.replies })}` : '';
  article.append(el('p', `${when(reflection.writtenAt, locale)} · ${where}${replies}`, 'meta'), sanitisedHtml(reflection.body));
  if (reflection.evidence) {
    const p = el('p', `${t('prompt.evidenceShown')} `, 'meta');
    p.append(reflection.evidence.link || reflection.evidence.resourceTitle);
    article.append(p);
  }
  return article;
}

async function render() {
  const { hub, t: strings } = await signedIn();
  t = strings;
  const portfolio = await api('GET', '/api/v1/me/reflections');
  $('who').textContent = t('portfolio.who', { name: portfolio.name ?? '', when: when(portfolio.generatedAt, hub.me.locale) });
  if (portfolio.reflections.length === 0) {
    $('reflections').replaceChildren(el('p', t('portfolio.none'), 'empty'));
    return;
  }
  const byCommunity = new Map();
  for (const r of portfolio.reflections) {
    if (!byCommunity.has(r.communityName)) byCommunity.set(r.communityName, []);
    byCommunity.get(r.communityName).push(r);
  }
  const sections = [];
  for (const [name, reflections] of byCommunity) {
    const section = el('section');
    section.append(el('h2', name), ...reflections.map((r) => entry(r, hub.me.locale)));
    sections.push(section);
  }
  $('reflections').replaceChildren(...sections);
}

$('print').addEventListener('click', () => window.print());

render().catch(showLoadFailure);
