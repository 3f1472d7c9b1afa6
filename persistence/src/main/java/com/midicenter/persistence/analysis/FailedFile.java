package com.midicenter.persistence.analysis;

/** A file whose analysis failed, and why (the stored error). */
public record FailedFile(String path, String reason) {
}
