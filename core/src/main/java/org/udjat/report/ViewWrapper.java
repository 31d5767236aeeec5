package org.udjat.report;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows the view records to templates as plain hashes of their components ({@code page.title}), read
 * through method handles found once per record class: several times cheaper than Freemarker's bean
 * introspection, which the report's ten thousand pages feel. Everything else is wrapped as by
 * {@link DefaultObjectWrapper}. Thread-safe.
 */
final class ViewWrapper extends DefaultObjectWrapper {
    private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> handles = new HashMap<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    // adapted once to (Record)Object, so each read is an exact invocation with no conversion to work out
                    handles.put(c.getName(), lookup.unreflect(c.getAccessor())
                            .asType(MethodType.methodType(Object.class, Record.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("view " + type.getName() + " must be public", e);
                }
            }
            return Map.copyOf(handles);
        }
    };

    ViewWrapper() {
        super(Configuration.VERSION_2_3_34);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (obj instanceof Record view) {
            return new RecordHash(view, COMPONENTS.get(view.getClass()));
        }
        return super.handleUnknownType(obj);
    }

    /** One record as a hash of its components. */
    private final class RecordHash implements TemplateHashModel {
        private final Record view;
        private final Map<String, MethodHandle> components;

        RecordHash(Record view, Map<String, MethodHandle> components) {
            this.view = view;
            this.components = components;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle accessor = components.get(key);
            if (accessor == null) {
                return null;
            }
            try {
                Object value = (Object) accessor.invokeExact(view);
                return wrap(value);
            } catch (TemplateModelException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException("reading " + key + " of " + view.getClass().getSimpleName(), e);
            }
        }

        @Override
        public boolean isEmpty() {
            return components.isEmpty();
        }
    }
}
