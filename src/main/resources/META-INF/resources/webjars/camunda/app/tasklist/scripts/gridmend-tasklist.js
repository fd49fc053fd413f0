/*
 * GridMend's addition to Camunda Tasklist (loaded through customScripts in config.js).
 *
 * Links in a task form (the order's briefing, navigation) open in a new tab: a crew working on a phone keeps the
 * task it was completing. Forms are rendered by form-js, whose markdown links carry no target of their own, and
 * Tasklist re-renders them as tasks change, so every link that appears is marked as it appears.
 */
const FORM = '.task-card, [cam-tasklist-task], .fjs-container';

function markLinks(root) {
  root.querySelectorAll('a[href]').forEach((link) => {
    if (link.target === '_blank' || !link.closest(FORM)) {
      return;
    }
    const href = link.getAttribute('href');
    if (!href || href.startsWith('#')) {
      return;
    }
    link.target = '_blank';
    link.rel = 'noopener';
  });
}

new MutationObserver(() => markLinks(document)).observe(document.documentElement, { childList: true, subtree: true });
markLinks(document);
