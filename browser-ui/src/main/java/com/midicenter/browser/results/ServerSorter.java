package com.midicenter.browser.results;

import com.midicenter.persistence.search.SearchCriteria.Sort;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.table.TableModel;

/**
 * A {@link RowSorter} that never moves a row: the rows are paged from the library already in order, so the table
 * header's clicks become a new server-side search instead. It exists so the look and feel paints the sort arrow of
 * the current {@link #getSortKeys() sort key} in the header, and so a header click (or Space on a focused header)
 * reaches {@link #toggleSortOrder}.
 *
 * <p>A click on a sortable column ({@link ResultColumn#sort()} not null) sorts by it, ascending first (rating:
 * best first); a click on the sorted column reverses it; a third click goes back to the default order (relevance with
 * text, name without), shown without an arrow. Columns without a server-side sort ignore clicks.
 *
 * <p>Row indexes are the model's (identity); counts are read live from the model.
 *
 * <p>[EDT] Used by the table on the EDT only.
 */
public final class ServerSorter extends RowSorter<TableModel> {

    private static final ResultColumn[] COLUMNS = ResultColumn.values();

    private final TableModel model;
    private BiConsumer<Sort, Boolean> onSort = (s, d) -> { };
    private List<SortKey> keys = List.of();

    public ServerSorter(TableModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** [EDT] Where a header click goes: the new sort ({@code null}: default order) and whether descending. */
    public void onSort(BiConsumer<Sort, Boolean> onSort) {
        this.onSort = Objects.requireNonNull(onSort, "onSort");
    }

    /** [EDT] Shows {@code sort} in the header without telling the listener ({@code null}: no arrow). */
    public void show(Sort sort, boolean descending) {
        ResultColumn c = sort == null ? null : ResultColumn.of(sort);
        setSortKeys(c == null ? List.of()
                : List.of(new SortKey(c.ordinal(), descending ? SortOrder.DESCENDING : SortOrder.ASCENDING)));
    }

    /** [EDT] The sort the header shows, {@code null} for the default order. */
    public Sort sort() {
        return keys.isEmpty() ? null : COLUMNS[keys.get(0).getColumn()].sort();
    }

    /** [EDT] Whether the header shows a descending sort. */
    public boolean descending() {
        return !keys.isEmpty() && keys.get(0).getSortOrder() == SortOrder.DESCENDING;
    }

    @Override
    public TableModel getModel() {
        return model;
    }

    @Override
    public void toggleSortOrder(int column) {
        if (column < 0 || column >= COLUMNS.length || COLUMNS[column].sort() == null) {
            return;
        }
        Sort sort = COLUMNS[column].sort();
        boolean firstDescending = sort == Sort.RATING;
        Sort nextSort;
        boolean nextDescending;
        if (sort() != sort) {
            nextSort = sort;
            nextDescending = firstDescending;
        } else if (descending() == firstDescending) {
            nextSort = sort;
            nextDescending = !firstDescending;
        } else {
            nextSort = null;
            nextDescending = false;
        }
        show(nextSort, nextDescending);
        onSort.accept(nextSort, nextDescending);
    }

    @Override
    public int convertRowIndexToModel(int index) {
        return index;
    }

    @Override
    public int convertRowIndexToView(int index) {
        return index;
    }

    @Override
    public void setSortKeys(List<? extends SortKey> keys) {
        List<SortKey> next = keys == null ? List.of() : List.copyOf(keys);
        if (!next.equals(this.keys)) {
            this.keys = next;
            fireSortOrderChanged();
        }
    }

    @Override
    public List<? extends SortKey> getSortKeys() {
        return keys;
    }

    @Override
    public int getViewRowCount() {
        return model.getRowCount();
    }

    @Override
    public int getModelRowCount() {
        return model.getRowCount();
    }

    @Override
    public void modelStructureChanged() {
        // the columns are fixed
    }

    @Override
    public void allRowsChanged() {
        // rows are never reordered here
    }

    @Override
    public void rowsInserted(int firstRow, int endRow) {
        // rows are never reordered here
    }

    @Override
    public void rowsDeleted(int firstRow, int endRow) {
        // rows are never reordered here
    }

    @Override
    public void rowsUpdated(int firstRow, int endRow) {
        // rows are never reordered here
    }

    @Override
    public void rowsUpdated(int firstRow, int endRow, int column) {
        // rows are never reordered here
    }
}
