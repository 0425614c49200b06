import { api } from './api.js';
import { el, sanitisedHtml, showStatus } from './ui.js';
import { showCorrections } from './training-corrections.js';
import { portfolioHref } from './training-dashboard.js';
import { criterion, mention } from './training-format.js';

// The evaluation part of a training action's page: the trainee's final reflection, grade and
// certificate; the trainers' marks per trainee and the records to download.

const $ = (id) => document.getElementById(id);

const base = (page) => `/api/v1/training-actions/${encodeURIComponent(page.id)}`;

// A grade as the reader writes it, with the policy's decimals (JSON's 9.0 arrives as 9).
function decimal(t, value, digits) {
  return new Intl.NumberFormat(t.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(value));
}

function gradeText(t, row, policy) {
  return t('training.record.gradeLine', { grade: decimal(t, row.grade, policy.decimals), mention: mention(t, row.mention) });
}

// Whether the last grade reached Moodle's gradebook, and why not yet when it waits or failed.
function gradebookText(t, gradebook) {
  const state = t(`training.gradebook.${gradebook.state}`);
  const why = gradebook.failure && gradebook.state !== 'pending' && t.has(`delivery.failure.${gradebook.failure}`)
    ? t(`delivery.failure.${gradebook.failure}`) : '';
  return why ? `${state}: ${why}` : state;
}

function showGradebook(t, line, gradebook) {
  line.hidden = !gradebook;
  line.dataset.gradebook = gradebook ? gradebook.state : '';
  line.textContent = gradebook ? gradebookText(t, gradebook) : '';
}

function link(text, href) {
  const a = el('a', text, 'btn btn-outline-secondary btn-sm');
  a.href = href;
  a.setAttribute('download', '');
  return a;
}

// Plain text from the textarea as the paragraphs the API keeps (it sanitises what it is sent).
function paragraphs(text) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('');
}

function plainText(html) {
  const doc = new DOMParser().parseFromString(html || '', 'text/html');
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  return [...doc.body.querySelectorAll('p')].map((p) => p.textContent).join('\n\n') || doc.body.textContent;
}

export async function showTraineeEvaluation(page, action) {
  const { t } = page;
  const box = $('reflection-box');
  box.hidden = !action.mine.trainee;
  if (!action.mine.trainee) return;
  const me = action.trainees[0]?.id;
  const [reflection, sheet] = await Promise.all([
    api('GET', `${base(page)}/final-reflection`), api('GET', `${base(page)}/evaluation`),
  ]);
  const text = $('reflection-text');
  if (document.activeElement !== text) text.value = reflection.submitted ? plainText(reflection.body) : '';
  text.disabled = !reflection.editable;
  $('reflection-submit').hidden = !reflection.editable;
  $('reflection-state').textContent = reflection.submitted
    ? t('training.reflectionSubmitted', { when: new Date(reflection.submittedAt).toLocaleString(t.locale) })
    : t(reflection.editable ? 'training.reflectionMissing' : 'training.reflectionClosed');
  const mine = sheet.rows[0];
  const grade = $('my-grade');
  grade.hidden = !(mine && mine.grade != null);
  if (!grade.hidden) grade.textContent = gradeText(t, mine, sheet.policy);
  if (me) {
    const portfolio = el('a', t('training.portfolio.mine'), 'btn btn-outline-primary btn-sm');
    portfolio.id = 'portfolio-link';
    portfolio.href = portfolioHref(page.id, me);
    $('certificate-link').replaceChildren(portfolio, ' ', link(t('training.certificate'), `${base(page)}/records/certificate/${encodeURIComponent(me)}.pdf`));
  }
}

async function submitReflection(page, event) {
  event.preventDefault();
  const { t } = page;
  const body = paragraphs($('reflection-text').value);
  if (!body) {
    showStatus($('reflection-status'), t('error.body_empty'), { error: true });
    return;
  }
  const submit = $('reflection-submit');
  submit.disabled = true;
  try {
    await api('PUT', `${base(page)}/final-reflection`, { body });
    await showTraineeEvaluation(page, page.action);
    showStatus($('reflection-status'), t('training.reflectionSaved'));
  } catch (error) {
    showStatus($('reflection-status'), t.error(error), { error: true });
  } finally {
    submit.disabled = false;
  }
}

// Editable while the action is open; once closed, an administrator corrects, saying why.
function gradeForm(page, action, row, editable, correcting) {
  const { t } = page;
  const policy = action.policy;
  const form = el('form', undefined, 'row g-2 align-items-end');
  const fields = policy.criteria.map((c) => {
    const id = `mark-${row.userId}-${c.name}`;
    const wrap = el('div', undefined, 'col-6 col-sm-3');
    const label = el('label', `${criterion(t, c.name)} (${c.weight})`, 'form-label small mb-0');
    label.htmlFor = id;
    const input = el('input', undefined, 'form-control form-control-sm');
    Object.assign(input, { id, type: 'number', step: '0.01', min: policy.scaleMin, max: policy.scaleMax, required: true, disabled: !editable && !correcting });
    input.dataset.criterion = c.name;
    if (row.marks && row.marks[c.name] != null) input.value = row.marks[c.name];
    wrap.append(label, input);
    return wrap;
  });
  const commentId = `comment-${row.userId}`;
  const commentWrap = el('div', undefined, 'col-12 col-sm');
  const commentLabel = el('label', t('training.record.comment'), 'form-label small mb-0');
  commentLabel.htmlFor = commentId;
  const comment = el('input', undefined, 'form-control form-control-sm');
  Object.assign(comment, { id: commentId, maxLength: 5000, value: row.comment || '', disabled: !editable && !correcting });
  commentWrap.append(commentLabel, comment);
  let reason = null;
  const reasonWrap = el('div', undefined, 'col-12');
  if (correcting) {
    const reasonId = `reason-${row.userId}`;
    const reasonLabel = el('label', t('training.correct.reason'), 'form-label small mb-0');
    reasonLabel.htmlFor = reasonId;
    reason = el('input', undefined, 'form-control form-control-sm');
    Object.assign(reason, { id: reasonId, maxLength: 1000, required: true });
    reasonWrap.append(reasonLabel, reason);
  }
  const result = el('p', row.grade != null ? gradeText(t, row, policy) : t('training.record.notGraded'), 'col-12 small mb-0 fw-semibold');
  result.setAttribute('role', 'status');
  form.append(...fields, commentWrap);
  if (correcting) form.append(reasonWrap);
  if (editable || correcting) {
    const save = el('button', t(correcting ? 'training.correct.grade' : 'training.saveGrade'), 'btn btn-primary btn-sm');
    save.type = 'submit';
    const saveWrap = el('div', undefined, 'col-auto');
    saveWrap.append(save);
    form.append(saveWrap);
  }
  form.append(result);
  const gradebook = el('p', undefined, 'col-12 small mb-0 text-body-secondary gradebook');
  showGradebook(t, gradebook, row.gradebook);
  form.append(gradebook);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const marks = {};
    form.querySelectorAll('input[data-criterion]').forEach((input) => { marks[input.dataset.criterion] = Number(input.value); });
    try {
      const body = reason ? { marks, comment: comment.value, reason: reason.value.trim() } : { marks, comment: comment.value };
      const answer = await api('PUT', `${base(page)}/grades/${encodeURIComponent(row.userId)}`, body);
      if (reason) {
        await page.render();
        return;
      }
      showStatus(result, gradeText(t, answer, policy));
      showGradebook(t, gradebook, answer.gradebook);
    } catch (error) {
      showStatus(result, t.error(error), { error: true });
    }
  });
  return form;
}

export async function showTrainerEvaluation(page, action, trains) {
  const { t } = page;
  const box = $('evaluation-box');
  box.hidden = !trains;
  if (!trains) return;
  const [sheet, reflections] = await Promise.all([
    api('GET', `${base(page)}/evaluation`), api('GET', `${base(page)}/final-reflections`),
  ]);
  $('reflections-count').textContent = t('training.reflectionsCount', { submitted: reflections.submitted, missing: reflections.missing });
  const editable = action.status === 'open';
  const correcting = page.admin && !editable;
  const items = sheet.rows.map((row) => {
    const item = el('li', undefined, 'list-group-item');
    const head = el('div', undefined, 'd-flex flex-wrap justify-content-between gap-2 mb-1');
    head.append(el('span', row.name, 'fw-semibold text-break'),
      el('span', t(row.finalReflection ? 'training.record.submitted' : 'training.record.missing'), 'small text-body-secondary'));
    item.append(head);
    const reflection = reflections.rows.find((r) => r.userId === row.userId);
    if (reflection?.submitted) {
      const details = el('details', undefined, 'mb-2 small');
      details.append(el('summary', t('training.readReflection'), 'text-primary'), sanitisedHtml(reflection.body));
      item.append(details);
    }
    item.append(gradeForm(page, action, row, editable, correcting));
    return item;
  });
  $('evaluation').replaceChildren(...items);
  showCorrections(page, action, sheet);
  $('records').replaceChildren(
    link(t('training.record.attendanceTitle') + ' (PDF)', `${base(page)}/records/attendance.pdf`),
    link(t('training.record.attendanceTitle') + ' (CSV)', `${base(page)}/records/attendance.csv`),
    link(t('training.record.evaluationTitle') + ' (PDF)', `${base(page)}/records/evaluation.pdf`),
    link(t('training.record.evaluationTitle') + ' (CSV)', `${base(page)}/records/evaluation.csv`),
  );
}

export function listenForReflection(page) {
  $('reflection').addEventListener('submit', (event) => submitReflection(page, event));
}
