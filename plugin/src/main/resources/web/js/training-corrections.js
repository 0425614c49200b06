import { api } from './api.js';
import { el, showStatus } from './ui.js';
import { mention, sessionFacts } from './training-format.js';

// What administrators corrected in a closed training action (who, when, what, why), shown to its
// trainers and administrators, and the administrators' form to correct an attendance mark.

const $ = (id) => document.getElementById(id);

function grade(t, state, decimals) {
  if (!state) return t('training.record.notGraded');
  const number = new Intl.NumberFormat(t.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(state.grade));
  return `${number} (${mention(t, state.mention)})`;
}

function mark(t, state) {
  if (!state) return t('training.notMarked');
  return state.status === 'late' ? t('training.lateBy', { count: Number(state.lateMinutes) }) : t(`training.status.${state.status}`);
}

function what(t, c, decimals) {
  if (c.kind === 'grade') {
    return t('training.correction.grade', { name: c.name, before: grade(t, c.before, decimals), after: grade(t, c.after, decimals) });
  }
  if (c.kind === 'attendance') {
    return t('training.correction.attendance', { name: c.name, session: t.date(c.sessionStartsAt), before: mark(t, c.before), after: mark(t, c.after) });
  }
  return c.what;
}

function entry(t, c, decimals) {
  const item = el('li', undefined, 'list-group-item small');
  item.append(el('p', what(t, c, decimals), 'mb-1 fw-semibold text-break'));
  if (c.reason) item.append(el('p', t('training.correction.reason', { reason: c.reason }), 'mb-1 text-break'));
  item.append(el('p', t('training.correction.by', { who: c.madeByName ?? c.madeBy, when: t.date(c.madeAt) }), 'mb-0 text-body-secondary'));
  return item;
}

function field(form, id, label, input, cols) {
  const col = el('div', undefined, cols);
  const text = el('label', label, 'form-label small mb-1');
  text.htmlFor = id;
  input.id = id;
  col.append(text, input);
  form.append(col);
  return input;
}

function select(options) {
  const s = el('select', undefined, 'form-select');
  s.append(...options.map(([value, label]) => {
    const o = el('option', label);
    o.value = value;
    return o;
  }));
  return s;
}

function attendanceForm(page, action) {
  const { t } = page;
  const form = $('correct-attendance');
  if (form.dataset.drawn === 'true') return;
  form.dataset.drawn = 'true';
  const sessions = action.sessions.filter((s) => s.status === 'scheduled');
  const trainee = field(form, 'correct-trainee', t('training.correct.trainee'), select(action.trainees.map((p) => [p.id, p.name])), 'col-12 col-md-6');
  const session = field(form, 'correct-session', t('training.correct.session'), select(sessions.map((s) => [s.id, sessionFacts(t, s)])), 'col-12 col-md-6');
  const status = field(form, 'correct-status', t('training.correct.status'),
    select(['present', 'late', 'excused', 'absent'].map((s) => [s, t(`training.status.${s}`)])), 'col-12 col-sm-6');
  const late = el('input', undefined, 'form-control');
  Object.assign(late, { type: 'number', min: 0, max: 1440, value: 0 });
  field(form, 'correct-late', t('training.correct.lateMinutes'), late, 'col-12 col-sm-6');
  const reason = el('input', undefined, 'form-control');
  Object.assign(reason, { required: true, maxLength: 1000 });
  field(form, 'correct-reason', t('training.correct.reason'), reason, 'col-12');
  const save = el('button', t('training.correct.save'), 'btn btn-primary');
  save.type = 'submit';
  const saveCol = el('div', undefined, 'col-12');
  const result = el('p', undefined, 'small mt-2 mb-0');
  result.id = 'correct-status-line';
  result.setAttribute('role', 'status');
  result.hidden = true;
  saveCol.append(save, result);
  form.append(saveCol);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    save.disabled = true;
    try {
      await api('PUT', `/api/v1/training-sessions/${encodeURIComponent(session.value)}/attendance/${encodeURIComponent(trainee.value)}`, {
        status: status.value,
        lateMinutes: status.value === 'late' ? Number(late.value) : null,
        reason: reason.value.trim(),
      });
      reason.value = '';
      await page.render();
      showStatus(result, t('training.correct.saved'));
    } catch (error) {
      showStatus(result, t.error(error), { error: true });
    } finally {
      save.disabled = false;
    }
  });
}

export function showCorrections(page, action, sheet) {
  const { t } = page;
  const correcting = page.admin && action.status === 'closed';
  const corrections = sheet.corrections ?? [];
  $('corrections-box').hidden = !correcting && corrections.length === 0;
  $('correct-help').hidden = !correcting;
  $('correct-box').hidden = !correcting || action.sessions.length === 0 || action.trainees.length === 0;
  if (correcting) attendanceForm(page, action);
  $('corrections').replaceChildren(...corrections.slice().reverse().map((c) => entry(t, c, sheet.policy.decimals)));
  $('corrections').hidden = corrections.length === 0;
}
