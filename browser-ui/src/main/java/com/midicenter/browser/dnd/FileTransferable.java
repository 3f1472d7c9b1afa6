package com.midicenter.browser.dnd;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Files on disk offered to a drop target (a DAW track, a file manager) in the three forms they ask for:
 * {@link DataFlavor#javaFileListFlavor} (a {@code List<File>}), {@link #URI_LIST_FLAVOR} ({@code text/uri-list}
 * as in RFC 2483: one percent-encoded {@code file:///} URI per line, each line ended by CRLF) and
 * {@link DataFlavor#stringFlavor} (absolute paths, one per line, joined by {@code \n}).
 *
 * <p>The files may still be being written when the drag starts ({@link #pending}): drop targets ask for the data
 * when the user drops, and {@link #getTransferData} waits for them then, for a bounded time. Thread-safe.
 */
public final class FileTransferable implements Transferable {

    /** {@code text/uri-list} as a {@code String}. */
    public static final DataFlavor URI_LIST_FLAVOR = uriListFlavor();

    private static final DataFlavor[] FLAVORS = {DataFlavor.javaFileListFlavor, URI_LIST_FLAVOR,
        DataFlavor.stringFlavor};

    private final CompletableFuture<List<Path>> files;
    private final long maxWaitMs;
    /** The rows dragged, for drop targets in this window ({@link LibraryRows#FLAVOR}), or null. */
    private final LibraryRows rows;

    private FileTransferable(CompletableFuture<List<Path>> files, long maxWaitMs, LibraryRows rows) {
        this.files = Objects.requireNonNull(files, "files");
        this.maxWaitMs = maxWaitMs;
        this.rows = rows;
    }

    /** These files, also offering the library rows they come from ({@link LibraryRows#FLAVOR}, this JVM only). */
    public FileTransferable withRows(LibraryRows rows) {
        return new FileTransferable(files, maxWaitMs, Objects.requireNonNull(rows, "rows"));
    }

    /** The library rows offered, or null. */
    public LibraryRows rows() {
        return rows;
    }

    /** Files that exist now. */
    public static FileTransferable of(List<Path> files) {
        return new FileTransferable(CompletableFuture.completedFuture(absolute(files)), 0, null);
    }

    /**
     * Files that {@code files} completes with (it must not complete exceptionally: report problems per file and
     * leave those files out); {@link #getTransferData} waits at most {@code maxWaitMs} for them.
     */
    public static FileTransferable pending(CompletableFuture<List<Path>> files, long maxWaitMs) {
        if (maxWaitMs < 0) {
            throw new IllegalArgumentException("maxWaitMs=" + maxWaitMs);
        }
        return new FileTransferable(files.thenApply(FileTransferable::absolute), maxWaitMs, null);
    }

    private static List<Path> absolute(List<Path> files) {
        return files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Whether the files are ready (always for {@link #of}). */
    public boolean isReady() {
        return files.isDone();
    }

    /**
     * The files, waiting for them when they are still being written.
     *
     * @throws IOException when they are not ready within the wait given to {@link #pending}, or the wait is
     *                     interrupted (the interrupt is kept)
     */
    public List<Path> files() throws IOException {
        try {
            return files.get(maxWaitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("dragged files not ready after " + maxWaitMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the dragged files", e);
        } catch (ExecutionException e) {
            throw new IOException("preparing the dragged files failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public DataFlavor[] getTransferDataFlavors() {
        if (rows == null) {
            return FLAVORS.clone();
        }
        DataFlavor[] all = java.util.Arrays.copyOf(FLAVORS, FLAVORS.length + 1);
        all[FLAVORS.length] = LibraryRows.FLAVOR;
        return all;
    }

    @Override
    public boolean isDataFlavorSupported(DataFlavor flavor) {
        if (rows != null && LibraryRows.FLAVOR.equals(flavor)) {
            return true;
        }
        for (DataFlavor f : FLAVORS) {
            if (f.equals(flavor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException, IOException {
        if (rows != null && LibraryRows.FLAVOR.equals(flavor)) {
            return rows;
        }
        if (DataFlavor.javaFileListFlavor.equals(flavor)) {
            return files().stream().map(Path::toFile).collect(Collectors.toList());
        }
        if (URI_LIST_FLAVOR.equals(flavor)) {
            return uriList(files());
        }
        if (DataFlavor.stringFlavor.equals(flavor)) {
            return files().stream().map(Path::toString).collect(Collectors.joining("\n"));
        }
        throw new UnsupportedFlavorException(flavor);
    }

    /**
     * {@code text/uri-list} of {@code files} (RFC 2483): {@code file:///...} URIs, percent-encoded as
     * {@link Path#toUri()} does (UTF-8, reserved and non-ASCII bytes escaped), each line ended by CRLF.
     */
    public static String uriList(List<Path> files) {
        StringBuilder out = new StringBuilder();
        for (Path p : files) {
            out.append(fileUri(p)).append("\r\n");
        }
        return out.toString();
    }

    /** {@code file:///abs/path} (never the {@code file:/abs} form some URI code prints). */
    static String fileUri(Path file) {
        String uri = file.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.startsWith("file:///") ? uri : "file://" + uri.substring("file:".length());
    }

    private static DataFlavor uriListFlavor() {
        try {
            return new DataFlavor("text/uri-list;class=java.lang.String");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("java.lang.String is always there", e);
        }
    }

    @Override
    public String toString() {
        return "FileTransferable[" + (files.isDone() ? files.getNow(List.of()).size() + " files" : "pending") + "]";
    }
}
