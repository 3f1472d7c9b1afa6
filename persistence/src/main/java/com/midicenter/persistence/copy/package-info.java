/** PostgreSQL {@code COPY} text encoding shared by the bulk writers (import, analysis). */
package com.midicenter.persistence.copy;
