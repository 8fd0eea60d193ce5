package dev.apimupgrade.testkit;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link RealDatabase} parameter: creates the database, loads its schema, and keeps it in the test's store,
 * which closes (drops) it when the test, or the class for a constructor parameter, is done.
 */
public final class RealDatabaseExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(RealDatabase.class)
                && parameter.getParameter().getType() == ScratchDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RealDatabase wanted = parameter.findAnnotation(RealDatabase.class).orElseThrow();
        ScratchDatabase db;
        try {
            db = wanted.schema().isEmpty()
                    ? ScratchDatabase.create(wanted.value(), wanted.options())
                    : ScratchDatabase.create(wanted.value(), wanted.options(), wanted.schema());
        } catch (SQLException e) {
            throw new ParameterResolutionException(
                    "cannot create a database on " + wanted.value() + " with " + wanted.schema(), e);
        }
        context.getStore(NAMESPACE)
                .put(
                        parameter.getDeclaringExecutable() + "#" + parameter.getIndex(),
                        (ExtensionContext.Store.CloseableResource) db::close);
        return db;
    }
}
