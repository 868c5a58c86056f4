package org.herald.user;

/** A user and their stored password hash: what a login checks. Never leaves the module. */
record Credentials(UserProfile profile, String passwordHash) {}
