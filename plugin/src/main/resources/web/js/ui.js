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
