/**
 * The ID schema, which the ID authority configures as a JSON document ({@link
 * org.civis.core.schema.IdSchema}), and the validation of enrollment data against it ({@link
 * org.civis.core.schema.SchemaValidator}), which reports every {@link org.civis.core.schema.Violation}
 * with a JSON pointer and a stable code, never the submitted personal data.
 */
package org.civis.core.schema;
