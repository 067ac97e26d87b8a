import { describe, expect, it } from 'vitest';
import { pageState } from '../../../src/stores/loadState.ts';

describe('pageState', () => {
  it('waits while the record or anything else the page needs is being read', () => {
    expect(pageState('idle')).toBe('loading');
    expect(pageState('loading')).toBe('loading');
    expect(pageState('ready', { waiting: true })).toBe('loading');
  });

  it('says what is wrong before the page is shown', () => {
    expect(pageState('loading', { failed: true })).toBe('error');
    expect(pageState('missing')).toBe('missing');
    expect(pageState('unknownQuestionnaire')).toBe('unknownQuestionnaire');
    expect(pageState('ready', { incomplete: true })).toBe('missing');
  });

  it('shows the page once all is there', () => {
    expect(pageState('ready', { waiting: false, incomplete: false })).toBe('ready');
    expect(pageState('unknownQuestionnaire', { withoutQuestionnaire: true })).toBe('ready');
    expect(pageState('unknownQuestionnaire', { withoutQuestionnaire: true, incomplete: true })).toBe(
      'missing',
    );
  });
});
