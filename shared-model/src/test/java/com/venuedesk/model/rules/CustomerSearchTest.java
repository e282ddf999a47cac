package com.venuedesk.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerSearchTest {

    @Test
    void aSearchTextIsStrippedAndLowerCasedInTheRootLocale() {
        assertThat(CustomerSearch.normalise("  Ingrid IŞIK \t")).isEqualTo("ingrid işik");
        assertThat(CustomerSearch.normalise("TITLE")).isEqualTo("title");
        assertThat(CustomerSearch.normalise(null)).isEmpty();
    }

    @Test
    void aBlankTextMatchesEveryCustomer() {
        assertThat(CustomerSearch.likePattern(null)).isEqualTo("%%");
        assertThat(CustomerSearch.likePattern("   ")).isEqualTo("%%");
    }

    @Test
    void likeWildcardsInTheTextAreSearchedForLiterally() {
        assertThat(CustomerSearch.likePattern(" 100%_Sure\\ ")).isEqualTo("%100\\%\\_sure\\\\%");
        assertThat(CustomerSearch.likePattern("Anna")).isEqualTo("%anna%");
    }
}
