/**
 * Whole-system tests: in-container ({@code *InContainerIT}) and black-box
 * ({@code *SystemIT}) against the real EAR on a real WildFly with its embedded
 * Artemis and a real database.
 */
package org.herald.systemtests;
