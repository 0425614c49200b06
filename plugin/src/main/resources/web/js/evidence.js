// Evidence under an answer: a link or a resource of the bank, in the reader's language.
import { el, webAddress } from './ui.js';

// "Evidence: <link>", the link wrapping anywhere so a long address never widens the page.
export function evidenceLine(t, evidence) {
  if (!evidence) return [];
  const p = el('p', `${t('prompt.evidenceShown')} `, 'small mb-0 text-break');
  if (!evidence.link && !evidence.resourceTitle) {
    // The resource was removed from the bank: nothing to link to.
    p.append(el('span', t('prompt.evidenceRemoved'), 'fst-italic'));
    return [p];
  }
  const address = evidence.link && webAddress(evidence.link);
  if (evidence.link && !address) {
    // Stored before links were checked and not a web address: shown, never linked.
    p.append(el('span', evidence.link));
    return [p];
  }
  const a = el('a', evidence.link || evidence.resourceTitle);
  a.href = address || `/resource?id=${encodeURIComponent(evidence.resourceId)}`;
  if (address) a.rel = 'nofollow noopener';
  p.append(a);
  return [p];
}

// A shared answer's post carries its evidence as a last paragraph in its author's language (for
// Moodle's forum); the pages show the evidence in the reader's language instead.
export function withoutEvidence(body, evidence) {
  const last = body.lastElementChild;
  if (evidence && last?.tagName === 'P') {
    const link = evidence.link && [...last.querySelectorAll('a')].some((a) => a.getAttribute('href') === evidence.link);
    const resource = evidence.resourceTitle && !last.querySelector('a') && last.textContent.includes(evidence.resourceTitle);
    if (link || resource) last.remove();
  }
  return body;
}
