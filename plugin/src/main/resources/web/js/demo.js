import { browserLanguage, load, translatePage } from './i18n.js';

const languagePicker = document.getElementById('language');

// An empty choice enters each sample person in their own language; the start page itself then
// speaks the browser's.
async function render(lang) {
  const t = await load(lang || browserLanguage());
  translatePage(t);
  document.title = `${t('demo.title')} – ${t('app.name')}`;
  const entries = await (await fetch('/demo/people')).json();
  const byCourse = new Map();
  for (const entry of entries) {
    if (!byCourse.has(entry.courseId)) byCourse.set(entry.courseId, { title: entry.courseTitle, people: [] });
    byCourse.get(entry.courseId).people.push(entry);
  }
  const sections = [...byCourse.entries()].map(([courseId, course]) => {
    const section = document.createElement('section');
    section.setAttribute('aria-labelledby', `course-${courseId}`);
    const heading = document.createElement('h2');
    heading.id = `course-${courseId}`;
    heading.textContent = course.title;
    const list = document.createElement('ul');
    list.className = 'people';
    for (const person of course.people) {
      const item = document.createElement('li');
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/demo/enter';
      // The language chosen above is the session's: the pages open in it.
      for (const [name, value] of [['person', person.personId], ['course', courseId], ['lang', lang]]) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      const button = document.createElement('button');
      button.type = 'submit';
      button.textContent = t('demo.enter', { name: person.name, role: t(`role.${person.role}`) });
      form.append(button);
      item.append(form);
      list.append(item);
    }
    section.append(heading, list);
    return section;
  });
  document.getElementById('courses').replaceChildren(...sections);
}

languagePicker.value = '';
languagePicker.addEventListener('change', () => render(languagePicker.value));
render(languagePicker.value);
