/** Track split of library files and files on disk, with the parts imported and linked to their original. */
package com.midicenter.library.split;
