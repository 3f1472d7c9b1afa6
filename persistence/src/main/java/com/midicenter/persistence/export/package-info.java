/** What an export needs of each file: where its bytes are and the values its name is made of. */
package com.midicenter.persistence.export;
