/**
 * JSON for events, on the platform's JSON-P and JSON-B: the CloudEvents
 * structured-mode format ({@link org.herald.events.json.JsonEventFormat}) and
 * the codec for the data records ({@link org.herald.events.json.EventData}).
 * Herald uses these rather than the SDK's Jackson module so the EAR carries no
 * Jackson of its own next to the server's.
 */
package org.herald.events.json;
