package jgrad.cli;

/**
 * A command whose first parameter is a formula. A formula may start with a minus ({@code -x^2}),
 * so for these commands an unknown "option" is read as a parameter instead of refused.
 */
interface TakesFormula {}
