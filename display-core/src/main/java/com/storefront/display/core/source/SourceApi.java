package com.storefront.display.core.source;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.storefront.display.core.domain.Domain;

/**
 * The source APIs every upstream domain offers (docs/contracts.md): one entity, one shop's entities, the
 * keyset export and the incremental export. Each answer completes exceptionally with a {@link SourceUnavailableException} when
 * the source did not answer usefully; a 404 for one entity is an answer (it does not exist).
 */
public interface SourceApi {

    /** {@code GET /source/{domain}/{id}}: the entity as its source has it now; empty when it does not exist. */
    CompletableFuture<Optional<SourceItem>> find(Domain domain, long id);

    /** {@code GET /source/{domain}?shopId=}: every existing entity of the domain that belongs to the shop. */
    CompletableFuture<SourcePage> listShop(Domain domain, long shopId);

    /** {@code GET /source/{domain}?after=&limit=}: the export page after {@code after} (0 for the first). */
    CompletableFuture<SourcePage> export(Domain domain, long after, int limit);

    /**
     * {@code GET /source/{domain}?changedSince=&limit=}: the changes after version {@code since}, by version.
     * A source that no longer knows the changes after {@code since} answers 410: run a bulk load.
     */
    CompletableFuture<ChangePage> changedSince(Domain domain, long since, int limit);

    /** The paths of the calls above, relative to a source's base URL. */
    final class Paths {

        private Paths() {
        }

        public static String item(Domain domain, long id) {
            return "/source/" + domain.sourcePath() + "/" + id;
        }

        public static String shop(Domain domain, long shopId) {
            return "/source/" + domain.sourcePath() + "?shopId=" + shopId;
        }

        public static String export(Domain domain, long after, int limit) {
            return "/source/" + domain.sourcePath() + "?after=" + after + "&limit=" + limit;
        }

        public static String changedSince(Domain domain, long since, int limit) {
            return "/source/" + domain.sourcePath() + "?changedSince=" + since + "&limit=" + limit;
        }
    }
}
