import { list } from './api.js';

// The fields of a community, as both the hub's "start a community" form and the community's edit
// form show them; `${p}` is the form's id prefix. Constant markup: nothing here comes from people.
const FIELDS = (p) => `
  <div class="col-12 col-md-6">
    <label for="${p}-name" class="form-label" data-i18n="form.name">Name</label>
    <input id="${p}-name" name="name" class="form-control" required minlength="3" maxlength="120">
  </div>
  <div class="col-12 col-md-6">
    <label for="${p}-joining" class="form-label" data-i18n="form.joining">Who can join</label>
    <select id="${p}-joining" name="joining" class="form-select">
      <option value="open" data-i18n="joining.open">anyone in the course</option>
      <option value="request" data-i18n="joining.request">by request</option>
      <option value="invitation" data-i18n="joining.invitation">by invitation</option>
    </select>
  </div>
  <div class="col-12">
    <label for="${p}-domain" class="form-label" data-i18n="form.domain">Domain</label>
    <textarea id="${p}-domain" name="domain" class="form-control" required maxlength="2000" rows="3" aria-describedby="${p}-domain-help"></textarea>
    <div id="${p}-domain-help" class="form-text" data-i18n="form.domainHelp">The shared concern that brings you together.</div>
  </div>
  <div class="col-12 col-md-4">
    <label for="${p}-subjects" class="form-label" data-i18n="form.subjects">Subjects</label>
    <input id="${p}-subjects" name="subjects" class="form-control" aria-describedby="${p}-list-help">
  </div>
  <div class="col-12 col-md-4">
    <label for="${p}-cycles" class="form-label" data-i18n="form.cycles">Cycles</label>
    <input id="${p}-cycles" name="cycles" class="form-control" aria-describedby="${p}-list-help">
  </div>
  <div class="col-12 col-md-4">
    <label for="${p}-focus" class="form-label" data-i18n="form.focus">Focus</label>
    <input id="${p}-focus" name="focus" class="form-control" aria-describedby="${p}-list-help">
  </div>
  <div id="${p}-list-help" class="form-text mt-1" data-i18n="form.listHelp">Separate several with commas.</div>
  <div class="col-12 col-md-4">
    <label for="${p}-sharing" class="form-label" data-i18n="form.sharing">How you share</label>
    <select id="${p}-sharing" name="sharing" class="form-select">
      <option value="both" data-i18n="sharing.both">both</option>
      <option value="online" data-i18n="sharing.online">online</option>
      <option value="face_to_face" data-i18n="sharing.face_to_face">face to face</option>
    </select>
  </div>
  <div class="col-12 col-md-4">
    <label for="${p}-framework" class="form-label" data-i18n="form.framework">Framework</label>
    <select id="${p}-framework" name="framework" class="form-select">
      <option value="informal" data-i18n="framework.informal">informal</option>
      <option value="department" data-i18n="framework.department">department</option>
      <option value="project" data-i18n="framework.project">project</option>
      <option value="training_action" data-i18n="framework.training_action">training action</option>
    </select>
  </div>
  <div class="col-12 col-md-4">
    <label for="${p}-context" class="form-label" data-i18n="form.context">Context</label>
    <select id="${p}-context" name="context" class="form-select">
      <option value="one_school" data-i18n="context.one_school">one school</option>
      <option value="network" data-i18n="context.network">network</option>
    </select>
  </div>`;

// Puts the community's fields at the top of the form, before its own submit row. Call it when the
// page's module loads: the page's translation (signedIn) then covers them.
export function addCommunityFields(form, prefix) {
  const template = document.createElement('template');
  template.innerHTML = FIELDS(prefix);
  form.prepend(template.content);
}

// The form's fields showing the community as it is now.
export function fillCommunityFields(form, community) {
  const p = community.profile;
  form.name.value = community.name;
  form.domain.value = community.domain;
  form.subjects.value = p.subjects.join(', ');
  form.cycles.value = p.cycles.join(', ');
  form.focus.value = p.focus.join(', ');
  form.sharing.value = p.sharing;
  form.framework.value = p.framework;
  form.context.value = p.context;
  form.joining.value = community.joining;
}

// What the form says about the community, as the API takes it (to create or to change one).
export function communityFrom(form) {
  return {
    name: form.name.value,
    domain: form.domain.value,
    profile: {
      subjects: list(form.subjects.value),
      cycles: list(form.cycles.value),
      focus: list(form.focus.value),
      sharing: form.sharing.value,
      framework: form.framework.value,
      context: form.context.value,
    },
    joining: form.joining.value,
  };
}
