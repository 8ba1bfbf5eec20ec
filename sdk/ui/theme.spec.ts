import { TestBed } from '@angular/core/testing';
import { provideAppState } from './state/app-state.js';
import { restoreThemeState, THEME_STORAGE_KEY } from './state/theme.state.js';
import { AppTheme } from './theme.js';

describe('AppTheme', () => {
  const classes = document.documentElement.classList;

  function start(): AppTheme {
    TestBed.configureTestingModule({ providers: [provideAppState()] });
    const theme = TestBed.inject(AppTheme);
    TestBed.tick();
    return theme;
  }

  beforeEach(() => localStorage.removeItem(THEME_STORAGE_KEY));
  afterEach(() => {
    localStorage.removeItem(THEME_STORAGE_KEY);
    classes.remove('theme-light', 'theme-dark');
  });

  it('follows the system by default: no class on html', () => {
    const theme = start();
    expect(theme.mode()).toBe('system');
    expect(classes.contains('theme-light')).toBeFalse();
    expect(classes.contains('theme-dark')).toBeFalse();
  });

  it('applies and remembers a choice', () => {
    const theme = start();
    theme.choose('dark');
    TestBed.tick();
    expect(classes.contains('theme-dark')).toBeTrue();
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(theme.dark()).toBeTrue();

    theme.choose('light');
    TestBed.tick();
    expect(classes.contains('theme-light')).toBeTrue();
    expect(classes.contains('theme-dark')).toBeFalse();

    theme.choose('system');
    TestBed.tick();
    expect(classes.contains('theme-light')).toBeFalse();
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('starts with the remembered choice', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    const theme = start();
    expect(theme.mode()).toBe('light');
    expect(classes.contains('theme-light')).toBeTrue();
  });

  it('ignores an unknown stored value', () => {
    const storage = { getItem: () => 'sepia' } as unknown as Storage;
    expect(restoreThemeState(storage).mode).toBe('system');
  });
});
