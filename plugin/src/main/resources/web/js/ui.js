// A button that runs an action, then redraws the page; a failure is shown in the status line.
export function actionButton(label, action, { secondary = false, redraw, failed }) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (secondary) b.className = 'secondary';
  b.addEventListener('click', async () => {
    try {
      await action();
      await redraw();
    } catch (error) {
      failed(error);
    }
  });
  return b;
}

// Runs a page's drawing one call at a time, in call order: a slow earlier draw can never
// overwrite what a later one showed. Each call's promise settles with its own draw.
export function oneAtATime(draw) {
  let last = Promise.resolve();
  return () => {
    const next = last.catch(() => {}).then(draw);
    last = next;
    return next;
  };
}
