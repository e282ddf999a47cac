package com.venuedesk.server.notifications;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The e-mail bodies, rendered by jte from {@code src/main/jte/html} (escaped as HTML) and {@code src/main/jte/text}
 * (plain text). The templates are compiled to Java at build time, so the server needs no compiler at run time.
 */
public final class Templates {
    private final TemplateEngine html = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "com.venuedesk.server.notifications.templates.html");
    private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null,
            "com.venuedesk.server.notifications.templates.text");

    public String html(MailContent mail) {
        StringOutput out = new StringOutput();
        html.render("notification.jte", mail, out);
        return out.toString();
    }

    public String text(MailContent mail) {
        StringOutput out = new StringOutput();
        text.render("notification.jte", mail, out);
        return out.toString();
    }
}
