package app.wellkeep.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token for forms, as {@code inject:formToken} (use the {@code csrfField} tag). Unlike {@code inject:csrf}
 * it does not fail where the CSRF filter did not run: error pages (403, 404) still render the layout's sign-out
 * form, which the identity provider's session cookie (SameSite) protects on its own.
 */
@RequestScoped
@Named("formToken")
public class FormToken {

    /** Where quarkus-rest-csrf keeps the token of this request. */
    private static final String ATTRIBUTE = "csrf_token";

    @Inject
    RoutingContext routingContext;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String fieldName;

    public String getFieldName() {
        return fieldName;
    }

    public String getValue() {
        Object token = routingContext.get(ATTRIBUTE);
        return token == null ? null : token.toString();
    }
}
