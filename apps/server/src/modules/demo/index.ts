/** The demo territory and its accounts, loaded at first start through the other modules' services. */
export * from './demo.js';
